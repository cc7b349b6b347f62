import type { DataSource, EntityTarget } from 'typeorm';
import { selectRows } from '@gongzhi/persistence';
import { z } from 'zod';
import { percentOf, percentile, round1 } from '../../figures/percentile';
import { CITY } from '../../read-models/daily-counter';
import { WhistleDaily, WhistleFact, WhistleSummons } from '../../read-models/whistle.entities';
import { dailySeries, seriesDaysSchema } from '../daily-series';
import { MAX_SERIES_DAYS, refineWindow, seriesWindow, windowQuery } from '../window';

export const whistleSummaryQuery = z
  .object({
    groupBy: z.enum(['city', 'street', 'department']).default('city'),
    ...windowQuery,
    streetId: z.string().min(1).optional(),
  })
  .superRefine((value, ctx) => refineWindow(value, ctx));
export type WhistleSummaryQuery = z.output<typeof whistleSummaryQuery>;

const percent = z.number().nullable();
export const whistleRow = z.object({
  key: z.string().describe('Street or department id; `*` for the city.'),
  whistles: z.number().int().describe('Whistles blown in the window (for a department: that summoned it).'),
  resolved: z.number().int(),
  open: z.number().int(),
  resolveMedianMinutes: z.number().nullable().describe('From the whistle to its resolution.'),
  resolveP90Minutes: z.number().nullable(),
  escalatedWhistles: z.number().int().describe('Whistles where a missed check-in was escalated at least once.'),
  summons: z.number().int().describe('Departments summoned (one per department and whistle).'),
  checkIns: z.number().int(),
  checkInsWithinDeadline: z.number().int(),
  checkInWithinDeadlinePercent: percent.describe(
    'Checked in within the deadline, among the summons whose check-in is decided (checked in, or the deadline passed); null when none is.',
  ),
  awaitingCheckIn: z.number().int().describe('Summons not checked in whose deadline has not passed yet: neither on time nor missed.'),
  checkInMedianMinutes: z.number().nullable(),
  missed: z.number().int().describe('Summons whose check-in deadline passed first.'),
  tasksCompleted: z.number().int(),
  tasksWithinDeadlinePercent: percent,
  evaluationAverage: z.number().nullable().describe('Mean of the street and resident evaluations, 1–5.'),
});
export type WhistleRow = z.infer<typeof whistleRow>;

export const whistleSummaryResponse = z.object({
  groupBy: z.enum(['city', 'street', 'department']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  asOf: z.string(),
  rows: z.array(whistleRow),
});
export type WhistleSummaryResponse = z.infer<typeof whistleSummaryResponse>;

/**
 * The rows of the window (by the day their whistle was blown) and of the street, if one is named. Plain rows: the
 * summary reads every one of them, and TypeORM's entity building cost several times the query.
 */
function rowsOf<Row extends { blownDay: string; streetId: string }>(
  dataSource: DataSource,
  entity: EntityTarget<Row> & (new () => Row),
  query: WhistleSummaryQuery,
): Promise<Row[]> {
  const filters: Array<readonly [property: 'blownDay' | 'streetId', operator: string, value: string]> = [];
  if (query.from) filters.push(['blownDay', '>=', query.from]);
  if (query.to) filters.push(['blownDay', '<=', query.to]);
  if (query.streetId) filters.push(['streetId', '=', query.streetId]);
  return selectRows(
    dataSource.manager,
    entity,
    `summary|${filters.map(([property, operator]) => `${property}${operator}`).join(',')}`,
    ({ column, param }) =>
      filters.length === 0
        ? '1 = 1'
        : filters.map(([property, operator], i) => `${column(property)} ${operator} ${param(i)}`).join(' AND '),
    filters.map(([, , value]) => value),
  );
}

export async function readWhistleSummary(dataSource: DataSource, query: WhistleSummaryQuery, now: Date): Promise<WhistleSummaryResponse> {
  const [whistles, summons] = await Promise.all([rowsOf(dataSource, WhistleFact, query), rowsOf(dataSource, WhistleSummons, query)]);
  const whistleById = new Map(whistles.map((w) => [w.whistleId, w]));
  const keyOf = (s: WhistleSummons) => (query.groupBy === 'city' ? CITY : query.groupBy === 'street' ? s.streetId : s.departmentId);
  const groups = new Map<string, WhistleSummons[]>();
  for (const s of summons) {
    const group = groups.get(keyOf(s)) ?? [];
    group.push(s);
    groups.set(keyOf(s), group);
  }
  if (query.groupBy === 'city' && groups.size === 0) groups.set(CITY, []);
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) =>
      whistleRowOf(
        key,
        group,
        [...new Set(group.map((s) => s.whistleId))].flatMap((id) => whistleById.get(id) ?? []),
      ),
    );
  return { groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, asOf: now.toISOString(), rows };
}

export function whistleRowOf(key: string, summons: readonly WhistleSummons[], whistles: readonly WhistleFact[]): WhistleRow {
  const resolved = whistles.filter((w) => w.resolveSeconds !== null);
  const resolveMinutes = resolved.map((w) => w.resolveSeconds! / 60);
  const checkIns = summons.filter((s) => s.checkedInAt !== null);
  const within = checkIns.filter((s) => s.withinDeadline).length;
  // A summons still inside its check-in window is neither on time nor missed: it is left out of the share.
  const decided = summons.filter((s) => s.checkedInAt !== null || s.missed).length;
  const tasks = summons.filter((s) => s.taskCompletedAt !== null);
  const evaluations = summons.reduce((n, s) => n + s.evaluationCount, 0);
  return {
    key,
    whistles: whistles.length,
    resolved: resolved.length,
    open: whistles.length - resolved.length,
    resolveMedianMinutes: round1(percentile(resolveMinutes, 0.5)),
    resolveP90Minutes: round1(percentile(resolveMinutes, 0.9)),
    escalatedWhistles: whistles.filter((w) => w.escalations > 0).length,
    summons: summons.length,
    checkIns: checkIns.length,
    checkInsWithinDeadline: within,
    checkInWithinDeadlinePercent: percentOf(within, decided),
    awaitingCheckIn: summons.length - decided,
    checkInMedianMinutes: round1(
      percentile(
        checkIns.flatMap((s) => (s.checkInMinutes === null ? [] : [s.checkInMinutes])),
        0.5,
      ),
    ),
    missed: summons.filter((s) => s.missed).length,
    tasksCompleted: tasks.length,
    tasksWithinDeadlinePercent: percentOf(tasks.filter((s) => s.taskWithinDeadline).length, tasks.length),
    evaluationAverage: evaluations === 0 ? null : round1(summons.reduce((n, s) => n + s.evaluationSum, 0) / evaluations),
  };
}

export const WHISTLE_METRICS = [
  'blown',
  'summons',
  'checkIns',
  'checkInsWithinDeadline',
  'missed',
  'escalated',
  'tasksCompleted',
  'tasksWithinDeadline',
  'tasksOverdue',
  'resolved',
  'evaluations',
  'evaluationSum',
] as const;

export const whistleDailyQuery = z
  .object({
    dimension: z.enum(['city', 'street', 'department']).default('city'),
    key: z.string().min(1).optional(),
    ...windowQuery,
  })
  .superRefine((value, ctx) => {
    refineWindow(value, ctx, MAX_SERIES_DAYS);
    if (value.dimension !== 'city' && !value.key)
      ctx.addIssue({ code: 'custom', path: ['key'], message: `is required for dimension ${value.dimension}` });
  });
export type WhistleDailyQuery = z.output<typeof whistleDailyQuery>;

export const whistleDailyResponse = z.object({
  dimension: z.string(),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  metrics: z.array(z.enum(WHISTLE_METRICS)),
  days: seriesDaysSchema(WHISTLE_METRICS),
});

export async function readWhistleDaily(dataSource: DataSource, query: WhistleDailyQuery, now: Date, timeZone: string) {
  const { from, to } = seriesWindow(query, now, timeZone);
  const key = query.dimension === 'city' ? CITY : query.key!;
  const days = await dailySeries(dataSource, WhistleDaily, WHISTLE_METRICS, { dimension: query.dimension, key, from, to });
  return { dimension: query.dimension, key, from, to, metrics: [...WHISTLE_METRICS], days };
}
