import type { ContractDomainEvent } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';

/**
 * One ballot per home (一个专有部分按一人计算): one stream per vote and home (`owners-ballot-<voteId>-<homeId>`). The
 * owner who cast it may change it until the close; a co-owner is refused, so a home never votes twice. The stream is
 * appended BEFORE the sealed box is written, with its expected version, so of two owners racing only one gets through.
 */
export type RecordOwnerBallot = { type: 'RecordOwnerBallot'; data: { voteId: string; homeId: string; ownerId: string; ballotId: string } };
export type OwnerBallotCast = ContractDomainEvent<'OwnerBallotCast'>;
export type HomeBallotState = { readonly ownerId: string | null; readonly ballotId: string | null };

export const homeBallotDecider: Decider<HomeBallotState, RecordOwnerBallot, OwnerBallotCast, DecisionContext> = {
  initialState: () => ({ ownerId: null, ballotId: null }),
  decide: ({ data }, state) => {
    if (state.ownerId === null) return [{ type: 'OwnerBallotCast', data }];
    if (state.ownerId === data.ownerId) return [];
    throw new DomainError('OWNERS_VOTE.HOME_ALREADY_VOTED', 'another owner of this home has voted: a home has one vote', {
      field: 'homeId',
    });
  },
  evolve: (_state, { data }) => ({ ownerId: data.ownerId, ballotId: data.ballotId }),
};

export const homeBallotStreamId = (voteId: string, homeId: string) => `owners-ballot-${voteId}-${homeId}`;
