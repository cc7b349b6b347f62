import { ownValue } from '@gongzhi/contracts';
import { cstDay } from '../shared/calendar';
import type { LedgerEvent } from './ledger.events';

export interface Award {
  readonly ruleId: string;
  readonly points: number;
  readonly sourceKey: string | null;
  readonly categoryCode: string | null;
  readonly reversed: boolean;
}

export interface Redemption {
  readonly rewardId: string;
  readonly rewardName: string;
  readonly points: number;
  readonly status: 'issued' | 'cancelled' | 'used';
}

export interface LedgerState {
  readonly balance: number;
  /** Points ever earned (reversals taken off): what levels and honours go by. */
  readonly lifetime: number;
  readonly levelIndex: number;
  /** Badges and honours earned, by id. */
  readonly earned: readonly string[];
  /** Points by rule, and by `rule|category`, for badges. */
  readonly byRule: Readonly<Record<string, number>>;
  readonly byRuleCategory: Readonly<Record<string, number>>;
  readonly profile: { readonly displayName: string; readonly communityId: string | null } | null;
  /** The last community a source event named, for residents without a profile. */
  readonly lastCommunityId: string | null;
  /** By source event id: an award is made once per source (idempotent under redelivery). */
  readonly awards: Readonly<Record<string, Award>>;
  readonly withheld: Readonly<Record<string, true>>;
  /** By source event id: participation recorded with an honour mention instead of points. */
  readonly honoured?: Readonly<Record<string, true>>;
  /** Points by `rule|day`, for the daily caps. */
  readonly earnedOnDay: Readonly<Record<string, number>>;
  /** The latest awards, for the burst flag (which names them). */
  readonly recentAwards: readonly { readonly at: string; readonly sourceEventId: string }[];
  readonly lastFlaggedAt: string | null;
  readonly flags: Readonly<Record<string, 'open' | 'cleared' | 'confirmed'>>;
  /** By flag id: the source event ids of the awards in the burst, which a confirmed review reverses. */
  readonly flaggedAwards: Readonly<Record<string, readonly string[]>>;
  readonly redemptions: Readonly<Record<string, Redemption>>;
}

const RECENT_AWARDS_KEPT = 200;

export function initialLedgerState(): LedgerState {
  return {
    balance: 0,
    lifetime: 0,
    levelIndex: 0,
    earned: [],
    byRule: {},
    byRuleCategory: {},
    profile: null,
    lastCommunityId: null,
    awards: {},
    withheld: {},
    earnedOnDay: {},
    recentAwards: [],
    lastFlaggedAt: null,
    flags: {},
    flaggedAwards: {},
    redemptions: {},
  };
}

const add = (record: Readonly<Record<string, number>>, key: string, by: number) => ({ ...record, [key]: (record[key] ?? 0) + by });

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'PointsAwarded': {
      const d = event.data;
      return {
        ...state,
        balance: state.balance + d.points,
        lifetime: state.lifetime + d.points,
        byRule: add(state.byRule, d.ruleId, d.points),
        byRuleCategory: d.categoryCode ? add(state.byRuleCategory, `${d.ruleId}|${d.categoryCode}`, d.points) : state.byRuleCategory,
        lastCommunityId: d.communityId ?? state.lastCommunityId,
        awards: {
          ...state.awards,
          [d.sourceEventId]: { ruleId: d.ruleId, points: d.points, sourceKey: d.sourceKey, categoryCode: d.categoryCode, reversed: false },
        },
        earnedOnDay: add(state.earnedOnDay, `${d.ruleId}|${cstDay(new Date(d.awardedAt))}`, d.points),
        recentAwards: [...state.recentAwards, { at: d.awardedAt, sourceEventId: d.sourceEventId }].slice(-RECENT_AWARDS_KEPT),
      };
    }
    case 'PointsAwardWithheld':
      return { ...state, withheld: { ...state.withheld, [event.data.sourceEventId]: true } };
    case 'ParticipationHonoured':
      return { ...state, honoured: { ...state.honoured, [event.data.sourceEventId]: true } };
    case 'PointsReversed': {
      const award = ownValue(state.awards, event.data.sourceEventId);
      if (!award) return state;
      const taken = award.points;
      return {
        ...state,
        balance: state.balance - event.data.debited,
        lifetime: Math.max(0, state.lifetime - taken),
        byRule: add(state.byRule, award.ruleId, -taken),
        byRuleCategory: award.categoryCode
          ? add(state.byRuleCategory, `${award.ruleId}|${award.categoryCode}`, -taken)
          : state.byRuleCategory,
        awards: { ...state.awards, [event.data.sourceEventId]: { ...award, reversed: true } },
      };
    }
    case 'ResidentProfileUpdated':
      return { ...state, profile: { displayName: event.data.displayName, communityId: event.data.communityId } };
    case 'RewardRedeemed': {
      const d = event.data;
      return {
        ...state,
        balance: state.balance - d.points,
        redemptions: {
          ...state.redemptions,
          [d.redemptionId]: { rewardId: d.rewardId, rewardName: d.rewardName, points: d.points, status: 'issued' },
        },
      };
    }
    case 'RedemptionCancelled': {
      const redemption = ownValue(state.redemptions, event.data.redemptionId);
      return {
        ...state,
        balance: state.balance + event.data.pointsRefunded,
        redemptions: redemption
          ? { ...state.redemptions, [event.data.redemptionId]: { ...redemption, status: 'cancelled' } }
          : state.redemptions,
      };
    }
    case 'RedemptionUsed': {
      const redemption = ownValue(state.redemptions, event.data.redemptionId);
      if (!redemption) return state;
      return { ...state, redemptions: { ...state.redemptions, [event.data.redemptionId]: { ...redemption, status: 'used' } } };
    }
    case 'LevelReached':
      return { ...state, levelIndex: Math.max(state.levelIndex, event.data.levelIndex) };
    case 'BadgeEarned':
      return { ...state, earned: [...state.earned, event.data.badgeId] };
    case 'FarmingSuspected': {
      // Flags raised before they named their awards came right after the burst's last award.
      const named = event.data.sourceEventIds ?? state.recentAwards.slice(-event.data.awardsInWindow).map((a) => a.sourceEventId);
      return {
        ...state,
        lastFlaggedAt: state.recentAwards[state.recentAwards.length - 1]?.at ?? null,
        flags: { ...state.flags, [event.data.flagId]: 'open' },
        flaggedAwards: { ...state.flaggedAwards, [event.data.flagId]: named },
      };
    }
    case 'FarmingReviewed':
      return { ...state, flags: { ...state.flags, [event.data.flagId]: event.data.outcome } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
