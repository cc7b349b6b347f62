import { Between, LessThanOrEqual, MoreThanOrEqual, type DataSource, type FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { percentOf, percentile, round1 } from '../../figures/percentile';
import { BACKLOG_STATUSES, CaseFact } from '../../read-models/case-fact.entity';
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
  street: 'streetId',
  grid: 'gridId',
  category: 'categoryCode',
  department: 'departmentId',
} as const satisfies Record<(typeof CASE_GROUPS)[number], keyof CaseFact | null>;

/**
 * SLA figures per group. Medians and p90 are computed here, over the facts of the window: the same
 * code for SQLite and PostgreSQL, and at city scale (tens of thousands of cases a month) the indexed
 * read of a few narrow columns is cheap. Percentiles interpolate like PostgreSQL's percentile_cont.
 */
export async function readCaseSla(dataSource: DataSource, query: CaseSlaQuery, now: Date): Promise<CaseSlaResponse> {
  const where: FindOptionsWhere<CaseFact> = {};
  if (query.from && query.to) where.reportedDay = Between(query.from, query.to);
  else if (query.from) where.reportedDay = MoreThanOrEqual(query.from);
  else if (query.to) where.reportedDay = LessThanOrEqual(query.to);
  if (query.streetId) where.streetId = query.streetId;
  if (query.gridId) where.gridId = query.gridId;
  if (query.categoryCode) where.categoryCode = query.categoryCode;
  if (query.departmentId) where.departmentId = query.departmentId;

  const facts = await dataSource.getRepository(CaseFact).find({
    select: {
      caseId: true,
      streetId: true,
      gridId: true,
      categoryCode: true,
      departmentId: true,
      status: true,
      resolveBy: true,
      acknowledgeSeconds: true,
      acknowledgedWithinSla: true,
      resolveSeconds: true,
      resolvedWithinSla: true,
      everResolved: true,
      reopenCount: true,
      satisfaction: true,
      escalated: true,
    },
    where,
  });

  const column = GROUP_COLUMN[query.groupBy];
  const groups = new Map<string, CaseFact[]>();
  for (const fact of facts) {
    const key = column === null ? '*' : fact[column];
    if (key === null) continue; // not with a department (a grid worker's case): no department row
    const group = groups.get(key) ?? [];
    group.push(fact);
    groups.set(key, group);
  }
  const rows = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => slaRow(key, group, now));
  if (query.groupBy === 'city' && rows.length === 0) rows.push(slaRow('*', [], now));
  return { groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, asOf: now.toISOString(), rows };
}

export function slaRow(key: string, facts: readonly CaseFact[], now: Date): CaseSlaRow {
  const open = facts.filter((f) => BACKLOG_STATUSES.includes(f.status));
  const acknowledged = facts.filter((f) => f.acknowledgeSeconds !== null);
  const ackJudged = acknowledged.filter((f) => f.acknowledgedWithinSla !== null);
  const resolved = facts.filter((f) => f.resolveSeconds !== null);
  const resolveJudged = resolved.filter((f) => f.resolvedWithinSla !== null);
  const everResolved = facts.filter((f) => f.everResolved);
  const reopened = facts.filter((f) => f.reopenCount > 0);
  const rated = facts.filter((f) => f.satisfaction !== null).map((f) => f.satisfaction!);
  const toMinutes = (seconds: number | null) => (seconds === null ? null : round1(seconds / 60));
  return {
    key,
    cases: facts.length,
    backlog: open.length,
    overdue: open.filter((f) => f.resolveBy !== null && Date.parse(f.resolveBy) < now.getTime()).length,
    acknowledged: acknowledged.length,
    acknowledgeMedianMinutes: toMinutes(
      percentile(
        acknowledged.map((f) => f.acknowledgeSeconds!),
        0.5,
      ),
    ),
    acknowledgeP90Minutes: toMinutes(
      percentile(
        acknowledged.map((f) => f.acknowledgeSeconds!),
        0.9,
      ),
    ),
    acknowledgedWithinSlaPercent: percentOf(ackJudged.filter((f) => f.acknowledgedWithinSla).length, ackJudged.length),
    resolved: resolved.length,
    resolveMedianMinutes: toMinutes(
      percentile(
        resolved.map((f) => f.resolveSeconds!),
        0.5,
      ),
    ),
    resolveP90Minutes: toMinutes(
      percentile(
        resolved.map((f) => f.resolveSeconds!),
        0.9,
      ),
    ),
    resolvedWithinSlaPercent: percentOf(resolveJudged.filter((f) => f.resolvedWithinSla).length, resolveJudged.length),
    reopened: reopened.length,
    reopenRatePercent: percentOf(reopened.length, everResolved.length),
    evaluated: rated.length,
    satisfactionAverage: rated.length === 0 ? null : round1(rated.reduce((a, b) => a + b, 0) / rated.length),
    satisfiedPercent: percentOf(rated.filter((s) => s >= 4).length, rated.length),
    escalated: facts.filter((f) => f.escalated).length,
  };
}
