import type { DecisionContext, Decider } from '@gongzhi/eventsourcing';
import type { ContractDomainEvent } from '@gongzhi/contracts';

/**
 * The voter roll: one stream per voter and ballot box (`voter-<boxId>-<residentId>`), saying THAT the
 * resident voted, never how. The first ballot records the voter (and earns points); a changed ballot
 * replaces the choice in the private ballot box and adds nothing here. A withdrawn ballot (an assisted
 * ballot the resident took back before the close) takes the voter off the roll until they vote again.
 */
export type RecordVoter = { type: 'RecordVoter'; data: { boxId: string; voterId: string; ballotId: string; assisted: boolean } };
export type WithdrawVoter = { type: 'WithdrawVoter'; data: { boxId: string; voterId: string } };
export type VoterRollCommand = RecordVoter | WithdrawVoter;
export type BallotCast = ContractDomainEvent<'BallotCast'>;
export type BallotWithdrawn = ContractDomainEvent<'BallotWithdrawn'>;
export type VoterRollEvent = BallotCast | BallotWithdrawn;
export type VoterRollState = { readonly voted: boolean; readonly ballotId: string | null; readonly assisted: boolean };

export const voterRollDecider: Decider<VoterRollState, VoterRollCommand, VoterRollEvent, DecisionContext> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordVoter':
        return state.voted
          ? []
          : [{ type: 'BallotCast', data: { topicId: command.data.boxId, voterId: command.data.voterId, ballotId: command.data.ballotId, assisted: command.data.assisted } }];
      case 'WithdrawVoter':
        return state.voted && state.ballotId
          ? [{ type: 'BallotWithdrawn', data: { topicId: command.data.boxId, voterId: command.data.voterId, ballotId: state.ballotId, assisted: state.assisted } }]
          : [];
      default: {
        const unhandled: never = command;
        throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'BallotCast':
        return { voted: true, ballotId: event.data.ballotId, assisted: event.data.assisted };
      case 'BallotWithdrawn':
        return { voted: false, ballotId: null, assisted: false };
      default: {
        const unhandled: never = event;
        throw new Error(`unhandled event ${JSON.stringify(unhandled)}`);
      }
    }
  },
  initialState: () => ({ voted: false, ballotId: null, assisted: false }),
};

export const voterStreamId = (boxId: string, voterId: string) => `voter-${boxId}-${voterId}`;
