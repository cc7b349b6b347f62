import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, text } from './fields';

// Points, rewards and the time bank (积分 · 时间银行): 做好事攒积分换奖励.
// Streams: points-<residentId> and the time bank's per resident.

const service = 'points';

const residentId = id;
const points = z.number().int().positive();
const hours = z.number().positive();

export const PointsAwarded = defineEvent({
  service,
  type: 'PointsAwarded',
  version: 1,
  summary: 'A rule awarded points for an event; at most once per source event and rule.',
  schema: z.object({
    residentId,
    communityId: id.nullable().describe("The resident's community, for monthly per-community leaderboards."),
    points,
    ruleId: id.describe('e.g. deliberation-participation, valid-report, volunteer-hour, adopted-suggestion.'),
    sourceEventId: id,
    sourceEventType: id,
  }),
});

export const PointsReversed = defineEvent({
  service,
  type: 'PointsReversed',
  version: 1,
  summary: 'An award was reversed because its source was invalidated.',
  schema: z.object({ residentId, points, ruleId: id, sourceEventId: id, reason: text }),
});

export const RewardRedeemed = defineEvent({
  service,
  type: 'RewardRedeemed',
  version: 1,
  summary: 'A resident spent points on a reward (积分兑换); never beyond the balance or the stock.',
  schema: z.object({
    redemptionId: id,
    residentId,
    rewardId: id,
    quantity: z.number().int().positive(),
    points: points.describe('Points spent in total.'),
  }),
});

export const RedemptionCancelled = defineEvent({
  service,
  type: 'RedemptionCancelled',
  version: 1,
  summary: 'A redemption was cancelled; its points and stock are returned.',
  schema: z.object({ redemptionId: id, residentId, rewardId: id, pointsRefunded: points, reason: text }),
});

export const LevelReached = defineEvent({
  service,
  type: 'LevelReached',
  version: 1,
  summary: "The resident's lifetime points reached a new level.",
  schema: z.object({
    residentId,
    level: z.enum(['居民', '热心居民', '社区达人', '治理专家']),
    lifetimePoints: z.number().int().nonnegative(),
  }),
});

export const BadgeEarned = defineEvent({
  service,
  type: 'BadgeEarned',
  version: 1,
  summary: 'The resident earned a badge or honour (议事先锋, 环保卫士, 社区治理标兵 …).',
  schema: z.object({ residentId, badgeId: id, badgeName: text }),
});

export const VolunteerHoursDeposited = defineEvent({
  service,
  type: 'VolunteerHoursDeposited',
  version: 1,
  summary: 'Verified volunteer hours were deposited in the time bank (时间银行).',
  schema: z.object({ residentId, hours, activityId: id, verifiedBy: id }),
});

export const HoursTransferred = defineEvent({
  service,
  type: 'HoursTransferred',
  version: 1,
  summary: "Hours moved from one resident's time bank to another's.",
  schema: z.object({ fromResidentId: id, toResidentId: id, hours, transferId: id }),
});

export const HoursSpent = defineEvent({
  service,
  type: 'HoursSpent',
  version: 1,
  summary: 'A resident spent banked hours on a service from another volunteer.',
  schema: z.object({ residentId, hours, serviceDescription: text, spendingId: id }),
});

export const pointsContracts = [
  PointsAwarded,
  PointsReversed,
  RewardRedeemed,
  RedemptionCancelled,
  LevelReached,
  BadgeEarned,
  VolunteerHoursDeposited,
  HoursTransferred,
  HoursSpent,
] as const;
