import type { ContractDomainEvent } from '@gongzhi/contracts';
import type { DecisionContext, Decider } from '@gongzhi/eventsourcing';

/**
 * That a resident voted in a building-head election, never how: one stream per election and voter
 * (`building-voter-<electionId>-<residentId>`). A changed ballot replaces the choice in the sealed box and adds nothing here.
 */
export type RecordHeadVoter = {
  type: 'RecordHeadVoter';
  data: { electionId: string; buildingId: string; voterId: string; ballotId: string };
};
export type BuildingHeadBallotCast = ContractDomainEvent<'BuildingHeadBallotCast'>;
export type BuildingVoterState = { readonly ballotId: string | null };

export const buildingVoterDecider: Decider<BuildingVoterState, RecordHeadVoter, BuildingHeadBallotCast, DecisionContext> = {
  initialState: () => ({ ballotId: null }),
  decide: (command, state) => (state.ballotId ? [] : [{ type: 'BuildingHeadBallotCast', data: command.data }]),
  evolve: (_state, event) => ({ ballotId: event.data.ballotId }),
};

export const buildingVoterStreamId = (electionId: string, voterId: string) => `building-voter-${electionId}-${voterId}`;
