import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, text, timestamp } from './fields';
import { contestContracts } from './points-contests';

// Points, rewards and the time bank (积分 · 时间银行): 做好事攒积分换奖励.
// Streams: points-<residentId> (ledger), reward-<rewardId> (stock), point-rules, timebank-<residentId>.

const service = 'points';

/**
 * What a level can unlock (等级权限), named in the points rules and checked by the services that own the act:
 * early sign-up for activities, proposing a topic without a co-signer, moderating a council meeting, leading a
 * volunteer team.
 */
export const LEVEL_PRIVILEGES = ['early-sign-up', 'propose-without-co-signer', 'moderate-meeting', 'lead-volunteer-team'] as const;
export type LevelPrivilege = (typeof LEVEL_PRIVILEGES)[number];

const residentId = id;
const points = z.number().int().positive();
const hours = z.number().positive().describe('Hours, in quarters of an hour.');
const ruleSettings = z.object({
  points: z.number().int().nonnegative(),
  dailyCap: z.number().int().nonnegative().describe('Points a resident may earn from the rule per day (Asia/Shanghai).'),
  enabled: z.boolean(),
});

export const PointsAwarded = defineEvent({
  service,
  type: 'PointsAwarded',
  version: 1,
  summary: 'A rule awarded points for an event; at most once per source event.',
  schema: z.object({
    residentId,
    communityId: id.nullable().describe("The resident's community, for monthly per-community leaderboards."),
    points,
    ruleId: id.describe('e.g. deliberation-participation, valid-report, volunteer-hour, adopted-suggestion.'),
    sourceEventId: id,
    sourceEventType: id,
    sourceKey: id.nullable().describe('What the award is for (case-<id>, ballot-<id>): an invalidation of it reverses the award.'),
    categoryCode: id.nullable().describe('The case category of a report, for topic badges (环保卫士); null for other sources.'),
    awardedAt: timestamp.describe('When the award was made; its day in Asia/Shanghai counts towards the daily cap.'),
    rulesVersion: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(
        'The version of the point-rules stream the award was decided by, so a replay can name the rule in force. Absent on awards made before it was recorded.',
      ),
  }),
});

export const PointsAwardWithheld = defineEvent({
  service,
  type: 'PointsAwardWithheld',
  version: 1,
  summary: 'A rule matched but awarded nothing (anti-farming): the daily cap was reached, or the resident confirmed their own action.',
  schema: z.object({ residentId, ruleId: id, sourceEventId: id, reason: z.enum(['daily_cap', 'self_confirmed']) }),
});

export const PointsReversed = defineEvent({
  service,
  type: 'PointsReversed',
  version: 1,
  summary: 'An award was reversed because its source was invalidated (or an admin found it farmed).',
  schema: z.object({
    residentId,
    points: points.describe('The points of the award reversed: taken off lifetime points.'),
    debited: z
      .number()
      .int()
      .nonnegative()
      .describe('Taken off the balance: the award, less what was already spent (a balance never goes below zero).'),
    ruleId: id,
    sourceEventId: id,
    reason: text,
  }),
});

export const ResidentProfileUpdated = defineEvent({
  service,
  type: 'ResidentProfileUpdated',
  version: 1,
  summary: 'The name a resident shows on leaderboards, and their community.',
  schema: z.object({ residentId, displayName: text, communityId: id.nullable() }),
});

export const RewardListed = defineEvent({
  service,
  type: 'RewardListed',
  version: 1,
  summary: 'A reward was added to the catalogue with a price in points and a stock.',
  schema: z.object({
    rewardId: id,
    name: text,
    description: z.string().nullable(),
    pricePoints: points,
    stock: z.number().int().nonnegative(),
    communityId: id
      .nullable()
      .optional()
      .describe('The community whose officers manage the reward; null or absent: a city-wide reward, managed by admins.'),
  }),
});

export const RewardRestocked = defineEvent({
  service,
  type: 'RewardRestocked',
  version: 1,
  summary: 'More items of a reward are in stock.',
  schema: z.object({ rewardId: id, quantity: points }),
});

export const RewardStockReserved = defineEvent({
  service,
  type: 'RewardStockReserved',
  version: 1,
  summary: 'One item of a reward is held for a redemption, before the points are debited.',
  schema: z.object({ rewardId: id, redemptionId: id, residentId }),
});

export const RewardStockReleased = defineEvent({
  service,
  type: 'RewardStockReleased',
  version: 1,
  summary: 'A held item went back to stock: the redemption failed or was cancelled.',
  schema: z.object({ rewardId: id, redemptionId: id, reason: text }),
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
    rewardName: text,
    quantity: z.number().int().positive(),
    points: points.describe('Points spent in total.'),
  }),
});

export const RedemptionCancelled = defineEvent({
  service,
  type: 'RedemptionCancelled',
  version: 1,
  summary: 'A redemption was cancelled before use; its points and stock are returned.',
  schema: z.object({ redemptionId: id, residentId, rewardId: id, pointsRefunded: points, reason: text }),
});

export const RedemptionUsed = defineEvent({
  service,
  type: 'RedemptionUsed',
  version: 1,
  summary: 'The voucher was handed in (e.g. at the canteen); it can no longer be cancelled.',
  schema: z.object({ redemptionId: id, residentId, rewardId: id, usedBy: id }),
});

export const LevelReached = defineEvent({
  service,
  type: 'LevelReached',
  version: 1,
  summary: "The resident's lifetime points reached a new level (居民, 热心居民, 社区达人, 治理专家 by default; configurable).",
  schema: z.object({
    residentId,
    level: text,
    levelIndex: z.number().int().nonnegative().describe('0 for the first level.'),
    lifetimePoints: z.number().int().nonnegative(),
    privileges: z
      .array(z.enum(LEVEL_PRIVILEGES))
      .optional()
      .describe('Every privilege the resident holds from this level on (this level and those below), as the points rules named them.'),
  }),
});

export const BadgeEarned = defineEvent({
  service,
  type: 'BadgeEarned',
  version: 1,
  summary: 'The resident earned a badge (议事先锋, 环保卫士 …) or an honour (社区治理标兵).',
  schema: z.object({ residentId, badgeId: id, badgeName: text, kind: z.enum(['badge', 'honour']) }),
});

export const FarmingSuspected = defineEvent({
  service,
  type: 'FarmingSuspected',
  version: 1,
  summary: 'An unusual burst of awards was flagged for an admin to review.',
  schema: z.object({
    residentId,
    flagId: id,
    awardsInWindow: points,
    windowMinutes: points,
    sourceEventIds: z
      .array(id)
      .optional()
      .describe(
        'The source events of the awards in the burst: what a confirmed review reverses. Absent on flags raised before it was recorded (then the last awardsInWindow awards).',
      ),
  }),
});

export const FarmingReviewed = defineEvent({
  service,
  type: 'FarmingReviewed',
  version: 1,
  summary: 'An admin reviewed a flagged burst: cleared, or confirmed (each award the flag names is then reversed, in the same append).',
  schema: z.object({ residentId, flagId: id, outcome: z.enum(['cleared', 'confirmed']), note: z.string().nullable() }),
});

export const PointRuleChanged = defineEvent({
  service,
  type: 'PointRuleChanged',
  version: 1,
  summary: 'An admin changed a point rule; the actor of the envelope is who changed it.',
  schema: z.object({ ruleId: id, before: ruleSettings, after: ruleSettings, changedBy: id }),
});

export const PointRulePhaseAnnounced = defineEvent({
  service,
  type: 'PointRulePhaseAnnounced',
  version: 1,
  summary:
    'An admin announced ahead how a rule rewards from a day on (逐步淡化物质激励): points, or an honour mention instead. Participation before that day keeps the reward of its time.',
  schema: z.object({
    phaseId: id,
    ruleId: id,
    effectiveFromDay: z.iso.date().describe('The first day of the phase, a calendar day in the city time zone.'),
    effectiveFrom: timestamp.describe('The start of that day in the city time zone, as an instant.'),
    timeZone: id.describe('The city time zone the day is read in, e.g. Asia/Shanghai.'),
    reward: z.enum(['material', 'honour']),
    points: z.number().int().nonnegative().describe('Points per unit during the phase; 0 for an honour phase.'),
    honourName: z.string().min(1).nullable().describe('The honour mention residents receive instead of points; null for a material phase.'),
    note: z.string().nullable().describe('What residents are told about the change, in plain words.'),
    announcedBy: id,
  }),
});

export const ParticipationHonoured = defineEvent({
  service,
  type: 'ParticipationHonoured',
  version: 1,
  summary: 'A rule matched during an honour phase: the participation is recorded with an honour mention and earns no points.',
  schema: z.object({
    residentId,
    communityId: id.nullable(),
    ruleId: id,
    phaseId: id,
    honourName: text,
    sourceEventId: id,
    sourceEventType: id,
    sourceKey: id.nullable(),
    honouredAt: timestamp,
    rulesVersion: z.number().int().nonnegative().describe('The version of the point-rules stream that decided it.'),
  }),
});

export const VolunteerHoursLogged = defineEvent({
  service,
  type: 'VolunteerHoursLogged',
  version: 1,
  summary: 'A volunteer logged hours, to be verified by the organiser or the recipient.',
  schema: z.object({
    residentId,
    entryId: id,
    serviceDate: z.iso.date(),
    hours,
    activity: text,
    verifierId: id,
    communityId: id
      .nullable()
      .optional()
      .describe(
        "The volunteer's community when they logged the hours: its officers may verify them. Absent on hours logged before it was recorded.",
      ),
  }),
});

export const VolunteerHoursRejected = defineEvent({
  service,
  type: 'VolunteerHoursRejected',
  version: 1,
  summary: 'The verifier did not confirm the logged hours.',
  schema: z.object({ residentId, entryId: id, rejectedBy: id, reason: text }),
});

export const VolunteerHoursDeposited = defineEvent({
  service,
  type: 'VolunteerHoursDeposited',
  version: 1,
  summary: 'Verified volunteer hours were deposited in the time bank (时间银行). Earns points.',
  schema: z.object({ residentId, hours, entryId: id, verifiedBy: id }),
});

export const HoursTransferred = defineEvent({
  service,
  type: 'HoursTransferred',
  version: 1,
  summary: "Hours left one resident's time bank for another's (a family member, say).",
  schema: z.object({ fromResidentId: id, toResidentId: id, hours, transferId: id }),
});

export const HoursReceived = defineEvent({
  service,
  type: 'HoursReceived',
  version: 1,
  summary: "Transferred hours arrived in the recipient's time bank.",
  schema: z.object({ residentId, fromResidentId: id, hours, transferId: id }),
});

export const HoursSpent = defineEvent({
  service,
  type: 'HoursSpent',
  version: 1,
  summary: 'A resident spent banked hours on a service from another volunteer.',
  schema: z.object({ residentId, hours, serviceDescription: text, spendingId: id, providerId: id }),
});

export const pointsContracts = [
  PointsAwarded,
  PointsAwardWithheld,
  PointsReversed,
  ResidentProfileUpdated,
  RewardListed,
  RewardRestocked,
  RewardStockReserved,
  RewardStockReleased,
  RewardRedeemed,
  RedemptionCancelled,
  RedemptionUsed,
  LevelReached,
  BadgeEarned,
  FarmingSuspected,
  FarmingReviewed,
  PointRuleChanged,
  PointRulePhaseAnnounced,
  ParticipationHonoured,
  VolunteerHoursLogged,
  VolunteerHoursRejected,
  VolunteerHoursDeposited,
  HoursTransferred,
  HoursReceived,
  HoursSpent,
  ...contestContracts,
] as const;

export * from './points-contests';
