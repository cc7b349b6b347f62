import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { percentOf, percentile, round1 } from '../../figures/percentile';
import { BACKLOG_STATUSES, CaseFact } from '../../read-models/case-fact.entity';
import { CITY } from '../../read-models/daily-counter';
import { ONE_IF } from '../sql-aggregates';
import { refineWindow, windowQuery } from '../window';

export const CASE_GROUPS = ['city', 'street', 'grid', 'category', 'department'] as const;

export const caseSlaQuery = z
  .object({
    groupBy: z.enum(CASE_GROUPS).default('city').describe('One row for the city, or one per street, grid, category or department.'),
    ...windowQuery,
    streetId: z.string().min(1).optional(),
    gridId: z.string().min(1).optional(),
    categoryCode: z.string().min(1).optional(),
    departmentId: z.string().min(1).optional(),
  })
  .superRefine((value, ctx) => refineWindow(value, ctx));
export type CaseSlaQuery = z.output<typeof caseSlaQuery>;

const minutes = z.number().nullable().describe('Minutes, one decimal; null when no case qualifies.');
const percent = z.number().nullable().describe('Percent, one decimal; null when nothing to divide.');

export const caseSlaRow = z.object({
  key: z.string().describe('The street, grid, category code or department id; `*` for the city.'),
  cases: z.number().int().describe('Cases reported in the window.'),
  backlog: z.number().int().describe('Of them, still open: awaiting triage, dispatch, acknowledgement or a fix.'),
  overdue: z.number().int().describe('Open past their resolve-by time, now.'),
  acknowledged: z.number().int(),
  acknowledgeMedianMinutes: minutes.describe('From dispatch to acknowledgement (签收).'),
  acknowledgeP90Minutes: minutes,
  acknowledgedWithinSlaPercent: percent,
  resolved: z.number().int().describe('Cases whose latest resolution stands (not reopened since).'),
  resolveMedianMinutes: minutes.describe('From the report to the resolution: what the resident waited.'),
  resolveP90Minutes: minutes,
  resolvedWithinSlaPercent: percent.describe('Resolved by the resolve-by time of their dispatch.'),
  reopened: z.number().int().describe('Cases reopened at least once.'),
  reopenRatePercent: percent.describe('Reopened among the cases resolved at least once.'),
  evaluated: z.number().int(),
  satisfactionAverage: z.number().nullable().describe('Mean rating 1–5, one decimal.'),
  satisfiedPercent: percent.describe('Ratings of 4 or 5.'),
  escalated: z.number().int(),
});
export type CaseSlaRow = z.infer<typeof caseSlaRow>;

export const caseSlaResponse = z.object({
  groupBy: z.enum(CASE_GROUPS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  asOf: z.string().describe('When the figures were read (ISO 8601).'),
  rows: z.array(caseSlaRow),
});
export type CaseSlaResponse = z.infer<typeof caseSlaResponse>;

const GROUP_COLUMN = {
  city: null,
  street: 'street_id',
  grid: 'grid_id',
  category: 'category_code',
  department: 'department_id',
} as const satisfies Record<(typeof CASE_GROUPS)[number], string | null>;

/** What a group's row is made of: counts summed by the database, durations kept single for the percentiles. */
export interface SlaGroup {
  cases: number;
  backlog: number;
  overdue: number;
  acknowledgeSeconds: number[];
  acknowledgeJudged: number;
  acknowledgedWithinSla: number;
  resolveSeconds: number[];
  resolveJudged: number;
  resolvedWithinSla: number;
  everResolved: number;
  reopened: number;
  rated: number;
  ratingSum: number;
  satisfied: number;
  escalated: number;
}

const emptyGroup = (): SlaGroup => ({
  cases: 0,
  backlog: 0,
  overdue: 0,
  acknowledgeSeconds: [],
  acknowledgeJudged: 0,
  acknowledgedWithinSla: 0,
  resolveSeconds: [],
  resolveJudged: 0,
  resolvedWithinSla: 0,
  everResolved: 0,
  reopened: 0,
  rated: 0,
  ratingSum: 0,
  satisfied: 0,
  escalated: 0,
});

const BACKLOG_LIST = BACKLOG_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * SLA figures per group, recomputed whenever a dashboard reader finds the cache stale (twice a second while cases
 * move). The counts are summed by the database in one pass over the window's facts; only the durations leave it,
 * one narrow row per acknowledged or resolved case, for the medians and p90 (computed here, the same code for SQLite
 * and PostgreSQL, interpolating like PostgreSQL's percentile_cont). A case with no group (a grid worker's case has no
 * department) has no row.
 */
export async function readCaseSla(dataSource: DataSource, query: CaseSlaQuery, now: Date): Promise<CaseSlaResponse> {
  const column = GROUP_COLUMN[query.groupBy];
  const key = column === null ? `'${CITY}'` : `f.${column}`;
  const conditions: string[] = [];
  const parameters: Record<string, string> = {};
  if (query.from) conditions.push('f.reported_day >= :from');
  if (query.to) conditions.push('f.reported_day <= :to');
  if (query.from) parameters.from = query.from;
  if (query.to) parameters.to = query.to;
  for (const [filter, name] of [
    ['streetId', 'street_id'],
    ['gridId', 'grid_id'],
    ['categoryCode', 'category_code'],
    ['departmentId', 'department_id'],
  ] as const) {
    const value = query[filter];
    if (value === undefined) continue;
    conditions.push(`f.${name} = :${filter}`);
    parameters[filter] = value;
  }
  if (column !== null) conditions.push(`f.${column} IS NOT NULL`);
  const facts = () => {
    const builder = dataSource.getRepository(CaseFact).createQueryBuilder('f').select(`${key}`, 'key');
    conditions.forEach((condition, i) => (i === 0 ? builder.where(condition, parameters) : builder.andWhere(condition, parameters)));
    return builder;
  };

  const open = `f.status IN (${BACKLOG_LIST})`;
  const counted = facts();
  // The city is one row of the whole window, even an empty one (and PostgreSQL refuses a constant to group by).
  if (column !== null) counted.groupBy(key);
  const [counts, durations] = await Promise.all([
    counted
      .addSelect('COUNT(*)', 'cases')
      .addSelect(ONE_IF(open), 'backlog')
      .addSelect(ONE_IF(`${open} AND f.resolve_by < :now`), 'overdue')
      .addSelect(ONE_IF('f.acknowledge_seconds IS NOT NULL AND f.acknowledged_within_sla IS NOT NULL'), 'acknowledgeJudged')
      .addSelect(ONE_IF('f.acknowledge_seconds IS NOT NULL AND f.acknowledged_within_sla'), 'acknowledgedWithinSla')
      .addSelect(ONE_IF('f.resolve_seconds IS NOT NULL AND f.resolved_within_sla IS NOT NULL'), 'resolveJudged')
      .addSelect(ONE_IF('f.resolve_seconds IS NOT NULL AND f.resolved_within_sla'), 'resolvedWithinSla')
      .addSelect(ONE_IF('f.ever_resolved'), 'everResolved')
      .addSelect(ONE_IF('f.reopen_count > 0'), 'reopened')
      .addSelect('COUNT(f.satisfaction)', 'rated')
      .addSelect('SUM(f.satisfaction)', 'ratingSum')
      .addSelect(ONE_IF('f.satisfaction >= 4'), 'satisfied')
      .addSelect(ONE_IF('f.escalated'), 'escalated')
      .setParameter('now', now.toISOString())
      .getRawMany<Record<string, string | number | null>>(),
    facts()
      .addSelect('f.acknowledge_seconds', 'acknowledgeSeconds')
      .addSelect('f.resolve_seconds', 'resolveSeconds')
      .andWhere('(f.acknowledge_seconds IS NOT NULL OR f.resolve_seconds IS NOT NULL)')
      .getRawMany<{ key: string; acknowledgeSeconds: number | null; resolveSeconds: number | null }>(),
  ]);

  const groups = new Map<string, SlaGroup>();
  for (const row of counts) {
    const group = emptyGroup();
    for (const field of Object.keys(group) as (keyof SlaGroup)[])
      if (field !== 'acknowledgeSeconds' && field !== 'resolveSeconds') group[field] = Number(row[field] ?? 0);
    groups.set(String(row.key), group);
  }
  for (const row of durations) {
    const group = groups.get(String(row.key));
    if (!group) continue;
    if (row.acknowledgeSeconds !== null) group.acknowledgeSeconds.push(Number(row.acknowledgeSeconds));
    if (row.resolveSeconds !== null) group.resolveSeconds.push(Number(row.resolveSeconds));
  }
  const rows = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => slaRow(key, group));
  return { groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, asOf: now.toISOString(), rows };
}

export function slaRow(key: string, group: SlaGroup): CaseSlaRow {
  const toMinutes = (seconds: number | null) => (seconds === null ? null : round1(seconds / 60));
  return {
    key,
    cases: group.cases,
    backlog: group.backlog,
    overdue: group.overdue,
    acknowledged: group.acknowledgeSeconds.length,
    acknowledgeMedianMinutes: toMinutes(percentile(group.acknowledgeSeconds, 0.5)),
    acknowledgeP90Minutes: toMinutes(percentile(group.acknowledgeSeconds, 0.9)),
    acknowledgedWithinSlaPercent: percentOf(group.acknowledgedWithinSla, group.acknowledgeJudged),
    resolved: group.resolveSeconds.length,
    resolveMedianMinutes: toMinutes(percentile(group.resolveSeconds, 0.5)),
    resolveP90Minutes: toMinutes(percentile(group.resolveSeconds, 0.9)),
    resolvedWithinSlaPercent: percentOf(group.resolvedWithinSla, group.resolveJudged),
    reopened: group.reopened,
    reopenRatePercent: percentOf(group.reopened, group.everResolved),
    evaluated: group.rated,
    satisfactionAverage: group.rated === 0 ? null : round1(group.ratingSum / group.rated),
    satisfiedPercent: percentOf(group.satisfied, group.rated),
    escalated: group.escalated,
  };
}
