import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { addDays, dayOf } from '../../figures/city-day';
import { incentiveDependency } from '../../figures/incentive-dependency';
import { CITY } from '../../read-models/daily-counter';
import { PointsDaily } from '../../read-models/points.entities';
import { dailySeries } from '../daily-series';
import { refineWindow, windowQuery } from '../window';

export const incentiveDependencyQuery = z
  .object({ communityId: z.string().min(1).optional(), ...windowQuery })
  .superRefine((value, ctx) => refineWindow(value, ctx, 731));
export type IncentiveDependencyQuery = z.output<typeof incentiveDependencyQuery>;

export const incentiveDependencyResponse = z.object({
  dimension: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  explanation: z.string().describe('What the figure means, in plain words.'),
  periods: z.array(
    z.object({
      period: z.string().describe('A month, YYYY-MM in the city time zone.'),
      rewarded: z.number().int().describe('Participation that earned points.'),
      unrewarded: z.number().int().describe('Participation that earned nothing material: an honour mention, or over the daily cap.'),
      materialSharePercent: z.number().nullable().describe('Rewarded of all participation, in percent; null in a month without any.'),
    }),
  ),
});

export const INCENTIVE_DEPENDENCY_EXPLANATION =
  '激励依赖度：每月参与中获得积分（物质奖励）的比例。比例下降而参与不减，说明居民不为积分也愿意参与。' +
  ' Incentive dependency: the share of each month’s participation that earned points. A falling share with steady participation means residents take part without being paid.';

/** By month over a window of days (default: this month and the eleven before it), city-wide or for one community. */
export async function readIncentiveDependency(dataSource: DataSource, query: IncentiveDependencyQuery, now: Date, timeZone: string) {
  const to = query.to ?? dayOf(now, timeZone);
  const from = query.from ?? `${addDays(`${to.slice(0, 7)}-01`, -335).slice(0, 7)}-01`;
  const [dimension, key] = query.communityId ? ['community', query.communityId] : ['city', CITY];
  const days = await dailySeries(dataSource, PointsDaily, ['awards', 'unrewarded'] as const, { dimension, key, from, to });
  return { dimension, key, from, to, explanation: INCENTIVE_DEPENDENCY_EXPLANATION, periods: incentiveDependency(days) };
}
