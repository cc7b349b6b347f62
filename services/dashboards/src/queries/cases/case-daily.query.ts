import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { CaseDaily } from '../../read-models/case-fact.entity';
import { CITY } from '../../read-models/daily-counter';
import { dailySeries, seriesDaysSchema } from '../daily-series';
import { MAX_SERIES_DAYS, refineWindow, seriesWindow, windowQuery } from '../window';

export const CASE_METRICS = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'declined',
  'acknowledged',
  'acknowledgedWithinSla',
  'resolved',
  'resolvedWithinSla',
  'resolveSecondsSum',
  'confirmed',
  'reopened',
  'evaluated',
  'satisfactionSum',
  'closed',
  'acknowledgeOverdue',
  'resolutionOverdue',
  'escalated',
] as const;

export const caseDailyQuery = z
  .object({
    dimension: z.enum(['city', 'street', 'grid', 'category', 'department']).default('city'),
    key: z.string().min(1).optional().describe('The street, grid, category code or department id; ignored for the city.'),
    ...windowQuery,
  })
  .superRefine((value, ctx) => {
    refineWindow(value, ctx, MAX_SERIES_DAYS);
    if (value.dimension !== 'city' && !value.key)
      ctx.addIssue({ code: 'custom', path: ['key'], message: `is required for dimension ${value.dimension}` });
  });
export type CaseDailyQuery = z.output<typeof caseDailyQuery>;

export const caseDailyResponse = z.object({
  dimension: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  metrics: z.array(z.enum(CASE_METRICS)),
  days: seriesDaysSchema(CASE_METRICS).describe(
    'Counts of events per day: resolveSecondsSum/resolved is the mean time to resolve of the day, satisfactionSum/evaluated its mean rating.',
  ),
});
export type CaseDailyResponse = z.infer<typeof caseDailyResponse>;

export async function readCaseDaily(
  dataSource: DataSource,
  query: CaseDailyQuery,
  now: Date,
  timeZone: string,
): Promise<CaseDailyResponse> {
  const { from, to } = seriesWindow(query, now, timeZone);
  const key = query.dimension === 'city' ? CITY : query.key!;
  const days = await dailySeries(dataSource, CaseDaily, CASE_METRICS, { dimension: query.dimension, key, from, to });
  return { dimension: query.dimension, key, from, to, metrics: [...CASE_METRICS], days };
}
