import { ownValue } from '@gongzhi/contracts';
import { DomainError, type Decider } from '@gongzhi/eventsourcing';
import { decideAward } from './award.decision';
import type { LedgerCommand } from './ledger.commands';
import type { LedgerContext } from './ledger.context';
import type { LedgerEvent } from './ledger.events';
import { evolveLedger, initialLedgerState, type Award, type LedgerState } from './ledger.state';

type Data<T extends LedgerCommand['type']> = Extract<LedgerCommand, { type: T }>['data'];

/** A resident's points: awards and reversals, redemptions, levels, badges and honours, anti-farming flags. */
export const ledgerDecider: Decider<LedgerState, LedgerCommand, LedgerEvent, LedgerContext> = {
  initialState: initialLedgerState,
  evolve: evolveLedger,
  decide(command, state, context) {
    switch (command.type) {
      case 'AwardPoints':
        return decideAward(command.data, state, context);
      case 'ReversePoints':
        return reverse(command.data, state);
      case 'UpdateProfile': {
        const { residentId, displayName, communityId } = command.data;
        if (state.profile?.displayName === displayName && state.profile.communityId === communityId) return [];
        return [{ type: 'ResidentProfileUpdated', data: { residentId, displayName, communityId } }];
      }
      case 'DebitForReward':
        return debit(command.data, state);
      case 'CancelRedemption':
        return cancel(command.data, state);
      case 'UseRedemption': {
        const { residentId, redemptionId, usedBy } = command.data;
        const redemption = issuedRedemption(state, redemptionId);
        return [{ type: 'RedemptionUsed', data: { residentId, redemptionId, rewardId: redemption.rewardId, usedBy } }];
      }
      case 'ReviewFlag': {
        const { residentId, flagId, outcome, note } = command.data;
        const status = ownValue(state.flags, flagId);
        if (!status) throw new DomainError('POINTS.FLAG_NOT_FOUND', `No flag ${flagId} for resident ${residentId}`, { flagId });
        if (status !== 'open')
          throw new DomainError('POINTS.FLAG_ALREADY_REVIEWED', `Flag ${flagId} was already ${status}`, { flagId, status });
        const reviewed: LedgerEvent = { type: 'FarmingReviewed', data: { residentId, flagId, outcome, note } };
        if (outcome === 'cleared') return [reviewed];
        // Confirmed: the reversals go in the same append as the review, so they happen once and never half.
        return [reviewed, ...flaggedReversals(state, residentId, flagId, note)];
      }
      case 'ReverseFlaggedAwards': {
        // For confirmations recorded before a review carried its reversals; after one that did, nothing is left.
        const { residentId, flagId } = command.data;
        if (state.flags[flagId] !== 'confirmed') return [];
        return flaggedReversals(state, residentId, flagId, null);
      }
      default: {
        const unhandled: never = command;
        throw new Error(`Unknown ledger command ${JSON.stringify(unhandled)}`);
      }
    }
  },
};

function reverse({ residentId, match, reason }: Data<'ReversePoints'>, state: LedgerState): LedgerEvent[] {
  const matching = Object.entries(state.awards).filter(([sourceEventId, award]) =>
    'sourceKey' in match ? award.sourceKey === match.sourceKey : sourceEventId === match.sourceEventId,
  );
  if (matching.length === 0)
    throw new DomainError('POINTS.AWARD_NOT_FOUND', `No award of ${residentId} matches ${JSON.stringify(match)}`, { match });
  const open = matching.filter(([, award]) => !award.reversed);
  if (open.length === 0)
    throw new DomainError('POINTS.ALREADY_REVERSED', `The award of ${residentId} for ${JSON.stringify(match)} was already reversed`, {
      match,
    });
  return reversals(residentId, open, state.balance, reason);
}

function flaggedReversals(state: LedgerState, residentId: string, flagId: string, note: string | null): LedgerEvent[] {
  const named = new Set(state.flaggedAwards[flagId] ?? []);
  const farmed = Object.entries(state.awards).filter(([sourceEventId, award]) => named.has(sourceEventId) && !award.reversed);
  return reversals(residentId, farmed, state.balance, `farming confirmed (flag ${flagId})${note ? `: ${note}` : ''}`);
}

function reversals(
  residentId: string,
  awards: readonly (readonly [string, Award])[],
  startingBalance: number,
  reason: string,
): LedgerEvent[] {
  let balance = startingBalance;
  return awards.map(([sourceEventId, award]) => {
    // A balance never goes below zero: what was already spent stays spent.
    const debited = Math.min(award.points, balance);
    balance -= debited;
    return { type: 'PointsReversed', data: { residentId, points: award.points, debited, ruleId: award.ruleId, sourceEventId, reason } };
  });
}

function debit({ residentId, redemptionId, rewardId, rewardName, points }: Data<'DebitForReward'>, state: LedgerState): LedgerEvent[] {
  if (ownValue(state.redemptions, redemptionId)) {
    throw new DomainError('POINTS.REDEMPTION_EXISTS', `Redemption ${redemptionId} was already debited`, { redemptionId });
  }
  if (state.balance < points) {
    throw new DomainError('POINTS.INSUFFICIENT_BALANCE', `The reward costs ${points} points; the balance is ${state.balance}`, {
      field: 'rewardId',
      balance: state.balance,
      needed: points,
    });
  }
  return [{ type: 'RewardRedeemed', data: { redemptionId, residentId, rewardId, rewardName, quantity: 1, points } }];
}

function cancel({ residentId, redemptionId, reason }: Data<'CancelRedemption'>, state: LedgerState): LedgerEvent[] {
  const redemption = issuedRedemption(state, redemptionId);
  return [
    {
      type: 'RedemptionCancelled',
      data: { redemptionId, residentId, rewardId: redemption.rewardId, pointsRefunded: redemption.points, reason },
    },
  ];
}

function issuedRedemption(state: LedgerState, redemptionId: string) {
  const redemption = ownValue(state.redemptions, redemptionId);
  if (!redemption) throw new DomainError('POINTS.REDEMPTION_NOT_FOUND', `No redemption ${redemptionId}`, { redemptionId });
  if (redemption.status !== 'issued') {
    throw new DomainError('POINTS.REDEMPTION_CONFLICT', `Redemption ${redemptionId} is already ${redemption.status}`, {
      redemptionId,
      status: redemption.status,
    });
  }
  return redemption;
}
