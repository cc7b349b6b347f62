import { IsNull, Not, type DataSource, type FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { round1 } from '../../figures/percentile';
import { CITY } from '../../read-models/daily-counter';
import { PointsDaily, ResidentHonour } from '../../read-models/points.entities';
import { dailySeries, seriesDaysSchema, sumCounters, sumCountersByKey } from '../daily-series';
import { MAX_SERIES_DAYS, refineWindow, seriesWindow, windowQuery } from '../window';

export const pointsSummaryQuery = z
  .object({
    communityId: z.string().min(1).optional().describe('Awards per community; redemptions and hours are counted per city only.'),
    ...windowQuery,
  })
  .superRefine((value, ctx) => refineWindow(value, ctx));
export type PointsSummaryQuery = z.output<typeof pointsSummaryQuery>;

const CITY_METRICS = [
  'issued',
  'awards',
  'reversed',
  'withheld',
  'redeemed',
  'redemptions',
  'refunded',
  'redemptionsCancelled',
  'volunteerHours',
  'hoursSpent',
  'hoursTransferred',
  'levelsReached',
  'badgesEarned',
  'honoursEarned',
] as const;

export const pointsSummaryResponse = z.object({
  communityId: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  asOf: z.string(),
  issued: z.number().describe('Points awarded.'),
  awards: z.number().int(),
  reversed: z.number().describe('Points of awards undone (source invalidated or farmed).'),
  redeemed: z.number().describe('Points spent on rewards (city only).'),
  redemptions: z.number().int(),
  refunded: z.number(),
  volunteerHours: z.number().describe('Verified hours deposited in the time bank (city only).'),
  hoursSpent: z.number(),
  badgesEarned: z.number().int(),
  honoursEarned: z.number().int(),
  byRule: z.array(
    z.object({ ruleId: z.string(), issued: z.number(), awards: z.number().int(), reversed: z.number(), withheld: z.number().int() }),
  ),
  byReward: z.array(z.object({ rewardId: z.string(), redeemed: z.number(), redemptions: z.number().int(), refunded: z.number() })),
});
export type PointsSummaryResponse = z.infer<typeof pointsSummaryResponse>;

export async function readPointsSummary(dataSource: DataSource, query: PointsSummaryQuery, now: Date): Promise<PointsSummaryResponse> {
  const window = { from: query.from, to: query.to };
  const city = await sumCounters(dataSource, PointsDaily, CITY_METRICS, { dimension: 'city', key: CITY, ...window });
  const community = query.communityId
    ? await sumCounters(dataSource, PointsDaily, ['issued', 'awards'], { dimension: 'community', key: query.communityId, ...window })
    : null;
  const rules = await sumCountersByKey(dataSource, PointsDaily, ['issued', 'awards', 'reversed', 'withheld'], {
    dimension: 'rule',
    ...window,
  });
  const rewards = await sumCountersByKey(dataSource, PointsDaily, ['redeemed', 'redemptions', 'refunded'], {
    dimension: 'reward',
    ...window,
  });
  return {
    communityId: query.communityId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    asOf: now.toISOString(),
    issued: community?.issued ?? city.issued,
    awards: community?.awards ?? city.awards,
    reversed: city.reversed,
    redeemed: city.redeemed,
    redemptions: city.redemptions,
    refunded: city.refunded,
    volunteerHours: round1(city.volunteerHours)!,
    hoursSpent: round1(city.hoursSpent)!,
    badgesEarned: city.badgesEarned,
    honoursEarned: city.honoursEarned,
    byRule: [...rules.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([ruleId, sums]) => ({ ruleId, ...sums })),
    byReward: [...rewards.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rewardId, sums]) => ({ rewardId, ...sums })),
  };
}

export const POINTS_METRICS = CITY_METRICS;

export const pointsDailyQuery = z
  .object({ communityId: z.string().min(1).optional().describe('Only `issued` and `awards` are counted per community.'), ...windowQuery })
  .superRefine((value, ctx) => refineWindow(value, ctx, MAX_SERIES_DAYS));
export type PointsDailyQuery = z.output<typeof pointsDailyQuery>;

export const pointsDailyResponse = z.object({
  dimension: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  metrics: z.array(z.enum(POINTS_METRICS)),
  days: seriesDaysSchema(POINTS_METRICS),
});

export async function readPointsDaily(dataSource: DataSource, query: PointsDailyQuery, now: Date, timeZone: string) {
  const { from, to } = seriesWindow(query, now, timeZone);
  const [dimension, key] = query.communityId ? ['community', query.communityId] : ['city', CITY];
  const days = await dailySeries(dataSource, PointsDaily, POINTS_METRICS, { dimension, key, from, to });
  return { dimension, key, from, to, metrics: [...POINTS_METRICS], days };
}

export const honourRollQuery = z.object({
  communityId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type HonourRollQuery = z.output<typeof honourRollQuery>;

export const honourRollResponse = z.object({
  communityId: z.string().nullable(),
  items: z
    .array(
      z.object({
        rank: z.number().int(),
        displayName: z.string().describe('The name the resident chose to show; residents without one are not listed.'),
        communityId: z.string().nullable(),
        level: z.string().nullable(),
        lifetimePoints: z.number().int(),
        volunteerHours: z.number(),
        badges: z.array(z.object({ badgeName: z.string(), kind: z.enum(['badge', 'honour']), earnedAt: z.string() })),
      }),
    )
    .describe('By lifetime points, highest first; equal points share a rank.'),
});
export type HonourRollResponse = z.infer<typeof honourRollResponse>;

/** The honour roll (居民功劳簿): only residents who chose a public display name, and never their ids. */
export async function readHonourRoll(dataSource: DataSource, query: HonourRollQuery): Promise<HonourRollResponse> {
  const where: FindOptionsWhere<ResidentHonour> = { displayName: Not(IsNull()) };
  if (query.communityId) where.communityId = query.communityId;
  const rows = await dataSource.getRepository(ResidentHonour).find({
    where,
    order: { lifetimePoints: 'DESC', displayName: 'ASC', residentId: 'ASC' },
    take: query.limit,
  });
  const hours = await sumCountersByKey(dataSource, PointsDaily, ['volunteerHours'], {
    dimension: 'resident',
    keys: rows.map((r) => r.residentId),
  });
  let rank = 0;
  return {
    communityId: query.communityId ?? null,
    items: rows.map((r, i) => {
      if (i === 0 || rows[i - 1].lifetimePoints !== r.lifetimePoints) rank = i + 1;
      return {
        rank,
        displayName: r.displayName!,
        communityId: r.communityId,
        level: r.level,
        lifetimePoints: r.lifetimePoints,
        volunteerHours: round1(hours.get(r.residentId)?.volunteerHours ?? 0)!,
        badges: r.badges.map(({ badgeName, kind, earnedAt }) => ({ badgeName, kind, earnedAt })),
      };
    }),
  };
}
