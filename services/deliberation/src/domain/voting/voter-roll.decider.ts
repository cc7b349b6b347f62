import type { DecisionContext, Decider } from '@gongzhi/eventsourcing';
import type { Public } from '../topic/topic.events';

/**
 * The voter roll: one stream per voter and ballot box (`voter-<boxId>-<residentId>`), saying THAT the
 * resident voted, never how. The first ballot records the voter (and earns points); a changed ballot
 * replaces the choice in the private ballot box and adds nothing here.
 */
export type RecordVoter = { type: 'RecordVoter'; data: { boxId: string; voterId: string; ballotId: string; assisted: boolean } };
export type BallotCast = Public<'BallotCast'>;
export type VoterRollState = { readonly voted: boolean; readonly ballotId: string | null };

export const voterRollDecider: Decider<VoterRollState, RecordVoter, BallotCast, DecisionContext> = {
  decide: (command, state) =>
    state.voted
      ? []
      : [{ type: 'BallotCast', data: { topicId: command.data.boxId, voterId: command.data.voterId, ballotId: command.data.ballotId, assisted: command.data.assisted } }],
  evolve: (_state, event) => ({ voted: true, ballotId: event.data.ballotId }),
  initialState: () => ({ voted: false, ballotId: null }),
};

export const voterStreamId = (boxId: string, voterId: string) => `voter-${boxId}-${voterId}`;
