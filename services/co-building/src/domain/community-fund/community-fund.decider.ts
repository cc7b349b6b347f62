import { type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import { event, refuse } from '../domain-event';
import type { ContractDomainEvent } from '@gongzhi/contracts';

/**
 * The spendings of one community's public fund (社区基金). Its income is the fund share of the projects'
 * income, stored on the projects' streams; the balance a spending is checked against is that income less
 * the spendings of this stream. Two concurrent spendings meet at this stream's expected version, so the
 * second is decided again against the balance the first left.
 */
export type CommunityFundEvent = ContractDomainEvent<'CommunityFundSpent'>;

export interface SpendFromFund {
  readonly type: 'SpendFromFund';
  readonly data: {
    readonly spendingId: string;
    readonly communityId: string;
    readonly amountFen: number;
    readonly purpose: string;
    /** The council (议事厅) topic whose decision approved this use of the fund, when there is one. */
    readonly councilTopicId: string | null;
  };
}
export type CommunityFundCommand = SpendFromFund;

export interface CommunityFundState {
  readonly spentFen: number;
  readonly spendingIds: readonly string[];
}

export interface CommunityFundContext extends DecisionContext {
  /** The community the actor is an officer of (community_officer with a community scope); absent for residents. */
  readonly officerOfCommunityId?: string;
  /** Everything the fund has received: the fund shares of the community's projects' income. */
  readonly incomeFen: number;
}

export const communityFundStreamId = (communityId: string) => `community-fund-${communityId}`;

export const balanceOf = (state: CommunityFundState, incomeFen: number) => incomeFen - state.spentFen;

function decide(command: CommunityFundCommand, state: CommunityFundState, context: CommunityFundContext): readonly CommunityFundEvent[] {
  switch (command.type) {
    case 'SpendFromFund': {
      const { data } = command;
      const { communityId, amountFen } = data;
      if (context.officerOfCommunityId !== communityId) {
        throw refuse('FUND.FORBIDDEN', `Only an officer of ${communityId} records spendings from its public fund`, { communityId, rule: 'community_officer' });
      }
      if (!Number.isInteger(amountFen) || amountFen <= 0) {
        throw refuse('FUND.INVALID_AMOUNT', `A spending is a whole number of fen above zero, got ${amountFen}`, { field: 'amountFen' });
      }
      if (!command.data.purpose.trim()) throw refuse('FUND.PURPOSE_REQUIRED', 'A spending from the public fund says what it is for', { field: 'purpose' });
      if (state.spendingIds.includes(command.data.spendingId)) {
        throw refuse('FUND.SPENDING_ALREADY_RECORDED', `Spending ${command.data.spendingId} is recorded already`, { spendingId: command.data.spendingId });
      }
      const balanceFen = balanceOf(state, context.incomeFen);
      if (amountFen > balanceFen) {
        throw refuse('FUND.INSUFFICIENT_BALANCE', `The public fund of ${communityId} holds ${balanceFen} fen; a spending of ${amountFen} fen exceeds it`, {
          field: 'amountFen',
          amountFen,
          balanceFen,
        });
      }
      return [event('CommunityFundSpent', { ...data, purpose: data.purpose.trim(), spentBy: context.actor.id })];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: CommunityFundState, e: CommunityFundEvent): CommunityFundState {
  switch (e.type) {
    case 'CommunityFundSpent':
      return { spentFen: state.spentFen + e.data.amountFen, spendingIds: [...state.spendingIds, e.data.spendingId] };
    default:
      return assertNever(e.type);
  }
}

export const communityFundDecider: Decider<CommunityFundState, CommunityFundCommand, CommunityFundEvent, CommunityFundContext> = {
  decide,
  evolve,
  initialState: () => ({ spentFen: 0, spendingIds: [] }),
};
