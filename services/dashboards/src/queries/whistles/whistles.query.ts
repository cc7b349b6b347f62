import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { selectTuples } from '@gongzhi/persistence';
import { z } from 'zod';
import { percentOf, percentile, round1 } from '../../figures/percentile';
import { CITY } from '../../read-models/daily-counter';
import { WhistleDaily, WhistleFact, WhistleSummons } from '../../read-models/whistle.entities';
import { dailySeries, seriesDaysSchema } from '../daily-series';
import { ONE_IF } from '../sql-aggregates';
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

const GROUP_COLUMN = {
  city: null,
  street: 'street_id',
  department: 'department_id',
} as const satisfies Record<WhistleSummaryQuery['groupBy'], string | null>;

/** What the database sums per group from the summons, and how. */
const SUMMONS_COUNTS = {
  summons: 'COUNT(*)',
  checkIns: ONE_IF('s.checked_in_at IS NOT NULL'),
  checkInsWithinDeadline: ONE_IF('s.checked_in_at IS NOT NULL AND s.within_deadline'),
  // A summons still inside its check-in window is neither on time nor missed: it is left out of the share.
  checkInsDecided: ONE_IF('s.checked_in_at IS NOT NULL OR s.missed'),
  missed: ONE_IF('s.missed'),
  tasksCompleted: ONE_IF('s.task_completed_at IS NOT NULL'),
  tasksWithinDeadline: ONE_IF('s.task_completed_at IS NOT NULL AND s.task_within_deadline'),
  evaluationSum: 'SUM(s.evaluation_sum)',
  evaluationCount: 'SUM(s.evaluation_count)',
} as const;

/** … and from the whistles of the group. */
const WHISTLE_COUNTS = {
  whistles: 'COUNT(*)',
  escalatedWhistles: ONE_IF('w.escalations > 0'),
} as const;

/** What a group's row is made of: counts summed by the database, durations kept single for the percentiles. */
type WhistleGroup = Record<keyof typeof SUMMONS_COUNTS | keyof typeof WHISTLE_COUNTS, number> & {
  resolveMinutes: number[];
  checkInMinutes: number[];
};

/** A row's counts as numbers (PostgreSQL gives its sums as text), the empty city's nulls as zeros. */
const countsOf = <Field extends string>(row: Record<string, unknown>, counts: Record<Field, string>) =>
  Object.fromEntries(Object.keys(counts).map((field) => [field, Number(row[field] ?? 0)])) as Record<Field, number>;

/**
 * Whistle figures per group, recomputed with every overview (twice a second while whistles and cases move). A group
 * is made by the summons: a department's row counts the whistles that summoned it, a street's and the city's each
 * whistle of theirs once, and a whistle that summoned no one is in no row. The counts are summed by the database,
 * one statement per table; only the durations leave it, one narrow row per resolved whistle or check-in, for the
 * medians and p90 (see readCaseSla). Rows are of the window (by the day their whistle was blown) and of the street,
 * if one is named; the city has its row even when nothing was blown.
 */
export async function readWhistleSummary(dataSource: DataSource, query: WhistleSummaryQuery, now: Date): Promise<WhistleSummaryResponse> {
  const column = GROUP_COLUMN[query.groupBy];
  const summonsKey = column === null ? `'${CITY}'` : `s.${column}`;
  const inWindow = <Builder extends SelectQueryBuilder<ObjectLiteral>>(builder: Builder, alias: 's' | 'w'): Builder => {
    if (query.from) builder.andWhere(`${alias}.blown_day >= :from`, { from: query.from });
    if (query.to) builder.andWhere(`${alias}.blown_day <= :to`, { to: query.to });
    if (query.streetId) builder.andWhere(`${alias}.street_id = :streetId`, { streetId: query.streetId });
    return builder;
  };
  const summons = () => inWindow(dataSource.getRepository(WhistleSummons).createQueryBuilder('s').select(summonsKey, 'key'), 's');
  const whistles = () => {
    const builder = inWindow(dataSource.getRepository(WhistleFact).createQueryBuilder('w'), 'w');
    if (column === null)
      // The city's whistles are those that summoned anyone: a semi-join, half the work of joining the pairs below.
      return builder.select(`'${CITY}'`, 'key').andWhere((outer) => {
        const summoned = inWindow(outer.subQuery().select('1').from(WhistleSummons, 's').where('s.whistle_id = w.whistle_id'), 's');
        outer.setParameters(summoned.getParameters());
        return `EXISTS ${summoned.getQuery()}`;
      });
    // Each whistle once per group that summoned it: the distinct (key, whistle) pairs of the summons, joined.
    return builder
      .select('g.group_key', 'key')
      .innerJoin(
        (pairs) =>
          inWindow(
            pairs.select('s.whistle_id', 'whistle_id').addSelect(`s.${column}`, 'group_key').from(WhistleSummons, 's'),
            's',
          ).distinct(true),
        'g',
        'g.whistle_id = w.whistle_id',
      );
  };
  const counted = <Builder extends SelectQueryBuilder<ObjectLiteral>>(builder: Builder, counts: Record<string, string>, key: string) => {
    // The city is one row of the whole window, even an empty one (and PostgreSQL refuses a constant to group by).
    if (column !== null) builder.groupBy(key);
    for (const [field, sql] of Object.entries(counts)) builder.addSelect(sql, field);
    return builder.getRawMany<Record<string, string | number | null>>();
  };
  // (key, value) pairs as arrays rather than objects: thousands of them for the city. Their order does not matter,
  // percentile sorts.
  const values = (builder: SelectQueryBuilder<ObjectLiteral>) =>
    selectTuples(dataSource, ...builder.getQueryAndParameters()) as Promise<Array<[key: string, value: number | string]>>;
  const [summonsCounts, whistleCounts, resolveSeconds, checkInMinutes] = await Promise.all([
    counted(summons(), SUMMONS_COUNTS, summonsKey),
    counted(whistles(), WHISTLE_COUNTS, 'g.group_key'),
    values(whistles().addSelect('w.resolve_seconds', 'resolve_seconds').andWhere('w.resolve_seconds IS NOT NULL')),
    values(
      summons()
        .addSelect('s.check_in_minutes', 'check_in_minutes')
        .andWhere('s.checked_in_at IS NOT NULL AND s.check_in_minutes IS NOT NULL'),
    ),
  ]);

  const groups = new Map<string, WhistleGroup>();
  for (const row of summonsCounts)
    groups.set(String(row.key), {
      ...countsOf(row, SUMMONS_COUNTS),
      whistles: 0,
      escalatedWhistles: 0,
      resolveMinutes: [],
      checkInMinutes: [],
    });
  // A whistle's group is made by its summons, so it is there already.
  for (const row of whistleCounts) {
    const group = groups.get(String(row.key));
    if (group) Object.assign(group, countsOf(row, WHISTLE_COUNTS));
  }
  for (const [key, seconds] of resolveSeconds) groups.get(String(key))?.resolveMinutes.push(Number(seconds) / 60);
  for (const [key, minutes] of checkInMinutes) groups.get(String(key))?.checkInMinutes.push(Number(minutes));
  const rows = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => whistleRowOf(key, group));
  return { groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, asOf: now.toISOString(), rows };
}

function whistleRowOf(key: string, group: WhistleGroup): WhistleRow {
  const resolved = group.resolveMinutes.length;
  return {
    key,
    whistles: group.whistles,
    resolved,
    open: group.whistles - resolved,
    resolveMedianMinutes: round1(percentile(group.resolveMinutes, 0.5)),
    resolveP90Minutes: round1(percentile(group.resolveMinutes, 0.9)),
    escalatedWhistles: group.escalatedWhistles,
    summons: group.summons,
    checkIns: group.checkIns,
    checkInsWithinDeadline: group.checkInsWithinDeadline,
    checkInWithinDeadlinePercent: percentOf(group.checkInsWithinDeadline, group.checkInsDecided),
    awaitingCheckIn: group.summons - group.checkInsDecided,
    checkInMedianMinutes: round1(percentile(group.checkInMinutes, 0.5)),
    missed: group.missed,
    tasksCompleted: group.tasksCompleted,
    tasksWithinDeadlinePercent: percentOf(group.tasksWithinDeadline, group.tasksCompleted),
    evaluationAverage: group.evaluationCount === 0 ? null : round1(group.evaluationSum / group.evaluationCount),
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
