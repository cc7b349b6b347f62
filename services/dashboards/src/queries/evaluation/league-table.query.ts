import { Between, Not, type DataSource } from 'typeorm';
import { z } from 'zod';
import { percentOf, round1 } from '../../figures/percentile';
import { CaseFact } from '../../read-models/case-fact.entity';
import { EvaluationReportRow } from '../../read-models/evaluation.entities';
import { WhistleSummons } from '../../read-models/whistle.entities';
import { daysOfPeriod, evaluationPeriod } from './evaluation-period';

export const leagueTableQuery = z.object({ period: evaluationPeriod });
export type LeagueTableQuery = z.output<typeof leagueTableQuery>;

const satisfactionFields = {
  resolved: z.number().int(),
  resolvedWithinSlaPercent: z.number().nullable(),
  evaluated: z.number().int(),
  satisfactionAverage: z.number().nullable().describe('1–5, one decimal'),
  satisfiedPercent: z.number().nullable().describe('Share of ratings of 4 or 5'),
};

export const leagueTableResponse = z.object({
  period: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  officers: z.enum(['named', 'hidden']).describe('Whether the table names officers or ranks them unnamed'),
  departments: z.array(
    z.object({
      ...satisfactionFields,
      rank: z.number().int(),
      departmentId: z.string(),
      whistleEvaluations: z.number().int(),
      whistleScoreAverage: z.number().nullable(),
    }),
  ),
  officerStandings: z.array(
    z.object({ ...satisfactionFields, rank: z.number().int(), officerId: z.string().nullable(), label: z.string() }),
  ),
  communities: z.array(z.object({ rank: z.number().int(), communityId: z.string(), overallScore: z.number(), version: z.number().int() })),
});

/** The city's setting: whether the published table names officers (their account ids) or ranks them unnamed. */
export type OfficerPublication = 'named' | 'hidden';

interface Satisfaction {
  readonly resolved: number;
  readonly resolvedWithinSlaPercent: number | null;
  readonly evaluated: number;
  readonly satisfactionAverage: number | null;
  readonly satisfiedPercent: number | null;
}

export interface DepartmentStanding extends Satisfaction {
  readonly rank: number;
  readonly departmentId: string;
  /** Ratings the street and residents gave the department after whistles of the period (1–5). */
  readonly whistleEvaluations: number;
  readonly whistleScoreAverage: number | null;
}

export interface OfficerStanding extends Satisfaction {
  readonly rank: number;
  /** Null unless the city's setting names officers. */
  readonly officerId: string | null;
  readonly label: string;
}

export interface CommunityStanding {
  readonly rank: number;
  readonly communityId: string;
  readonly overallScore: number;
  readonly version: number;
}

export interface LeagueTable {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly officers: OfficerPublication;
  readonly departments: readonly DepartmentStanding[];
  readonly officerStandings: readonly OfficerStanding[];
  /** The latest published evaluation report of each community for the period. */
  readonly communities: readonly CommunityStanding[];
}

function satisfactionOf(facts: readonly CaseFact[]): Satisfaction {
  const resolved = facts.filter((f) => f.resolvedAt !== null);
  const judged = resolved.filter((f) => f.resolvedWithinSla !== null);
  const ratings = facts.flatMap((f) => (f.satisfaction === null ? [] : [f.satisfaction]));
  return {
    resolved: resolved.length,
    resolvedWithinSlaPercent: percentOf(judged.filter((f) => f.resolvedWithinSla).length, judged.length),
    evaluated: ratings.length,
    satisfactionAverage: ratings.length === 0 ? null : round1(ratings.reduce((a, b) => a + b, 0) / ratings.length),
    satisfiedPercent: percentOf(ratings.filter((r) => r >= 4).length, ratings.length),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Higher satisfaction first; unrated last; then more resolved within SLA; then the key, so ties read the same every time. */
const byStanding =
  <T extends Satisfaction>(key: (row: T) => string) =>
  (a: T, b: T) =>
    (b.satisfactionAverage ?? -1) - (a.satisfactionAverage ?? -1) ||
    (b.resolvedWithinSlaPercent ?? -1) - (a.resolvedWithinSlaPercent ?? -1) ||
    key(a).localeCompare(key(b));

/**
 * 结果运用: satisfaction and evaluation figures of a period per department and per officer, and the communities'
 * evaluation scores, ranked. Cases count in the period they were reported in (the city's calendar), whistles in the
 * one they were blown in.
 */
export async function readLeagueTable(
  dataSource: DataSource,
  { period }: LeagueTableQuery,
  officers: OfficerPublication,
): Promise<LeagueTable> {
  const { from, to } = daysOfPeriod(period);
  const facts = await dataSource.getRepository(CaseFact).findBy({ reportedDay: Between(from, to) });
  const summons = await dataSource.getRepository(WhistleSummons).findBy({ blownDay: Between(from, to), evaluationCount: Not(0) });
  const whistles = groupBy(summons, (s) => s.departmentId);

  const departmentFacts = groupBy(
    facts.filter((f) => f.departmentId !== null),
    (f) => f.departmentId!,
  );
  const departmentIds = [...new Set([...departmentFacts.keys(), ...whistles.keys()])];
  const departments = departmentIds
    .map((departmentId) => {
      const rated = whistles.get(departmentId) ?? [];
      const count = rated.reduce((n, s) => n + s.evaluationCount, 0);
      const sum = rated.reduce((n, s) => n + s.evaluationSum, 0);
      return {
        departmentId,
        ...satisfactionOf(departmentFacts.get(departmentId) ?? []),
        whistleEvaluations: count,
        whistleScoreAverage: count === 0 ? null : round1(sum / count),
      };
    })
    .sort(byStanding((row) => row.departmentId))
    .map((row, i) => ({ rank: i + 1, ...row }));

  const officerStandings = [
    ...groupBy(
      facts.filter((f) => f.resolvedBy !== null),
      (f) => f.resolvedBy!,
    ),
  ]
    .map(([officerId, theirs]) => ({ officerId, ...satisfactionOf(theirs) }))
    .sort(byStanding((row) => row.officerId))
    .map(({ officerId, ...row }, i) => ({
      rank: i + 1,
      officerId: officers === 'named' ? officerId : null,
      label: officers === 'named' ? officerId : `第 ${i + 1} 名办事人员`,
      ...row,
    }));

  const latest = new Map<string, EvaluationReportRow>();
  for (const report of await dataSource.getRepository(EvaluationReportRow).findBy({ period })) {
    const held = latest.get(report.communityId);
    if (!held || held.version < report.version) latest.set(report.communityId, report);
  }
  const communities = [...latest.values()]
    .sort((a, b) => b.overallScore - a.overallScore || a.communityId.localeCompare(b.communityId))
    .map((report, i) => ({ rank: i + 1, communityId: report.communityId, overallScore: report.overallScore, version: report.version }));

  return { period, from, to, officers, departments, officerStandings, communities };
}

const cell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The table as CSV for the city's own assessment: one line per standing, the kind of standing first. A byte-order
 * mark leads, so a spreadsheet opens the Chinese labels as UTF-8.
 */
export function leagueTableCsv(table: LeagueTable): string {
  const header = [
    'table',
    'rank',
    'key',
    'resolved',
    'resolved_within_sla_percent',
    'evaluated',
    'satisfaction_average',
    'satisfied_percent',
    'whistle_evaluations',
    'whistle_score_average',
    'overall_score',
  ];
  const lines = [
    ...table.departments.map((d) => [
      'department',
      d.rank,
      d.departmentId,
      d.resolved,
      d.resolvedWithinSlaPercent,
      d.evaluated,
      d.satisfactionAverage,
      d.satisfiedPercent,
      d.whistleEvaluations,
      d.whistleScoreAverage,
      null,
    ]),
    ...table.officerStandings.map((o) => [
      'officer',
      o.rank,
      o.label,
      o.resolved,
      o.resolvedWithinSlaPercent,
      o.evaluated,
      o.satisfactionAverage,
      o.satisfiedPercent,
      null,
      null,
      null,
    ]),
    ...table.communities.map((c) => ['community', c.rank, c.communityId, null, null, null, null, null, null, null, c.overallScore]),
  ];
  return `\ufeff${[header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
