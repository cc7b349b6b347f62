import type { DataSource, FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { dayOf } from '../../figures/city-day';
import { percentOf } from '../../figures/percentile';
import {
  CoBuildingDaily,
  CoBuildingOrganisationFact,
  CoBuildingProjectFact,
  ORGANISATION_GRADES,
  type OrganisationGrade,
} from '../../read-models/co-building.entities';
import { CITY } from '../../read-models/daily-counter';
import { sumCountersByKey } from '../daily-series';
import { refineWindow, windowQuery } from '../window';

const RESOURCE_KINDS = ['space', 'goods', 'service', 'skill'] as const;
const INCOME_SOURCES = ['space_rent', 'service_fee', 'donation', 'other'] as const;

/** The counters a summary sums over its window. */
const SUMMARY_METRICS = [
  'projectsStarted',
  'membersJoined',
  'resourcesRequested',
  'requestsApproved',
  'requestsDeclined',
  'activitiesReported',
  'activityParticipants',
  'incomeRecorded',
  'incomeFen',
  'teamShareFen',
  'fundShareFen',
  ...INCOME_SOURCES.map((source) => `income_${source}` as const),
  'resourcesListed',
  ...RESOURCE_KINDS.map((kind) => `resources_${kind}` as const),
  'spaceBookings',
  'spaceBookedMinutes',
  'spaceBookingsForProjects',
  'spaceBookingsCancelled',
  'spaceCancelledMinutes',
  'fundSpendings',
  'fundSpentFen',
  'fundSpendingsByCouncil',
  'needsPosted',
  'organisationsRegistered',
  'organisationsGraded',
] as const;
type SummaryMetric = (typeof SUMMARY_METRICS)[number];
type Sums = Record<SummaryMetric, number>;

export const coBuildingSummaryQuery = z
  .object({
    groupBy: z.enum(['city', 'community']).default('city'),
    communityId: z.string().min(1).optional().describe('Only this community (one row, keyed by it).'),
    ...windowQuery,
  })
  .superRefine((value, ctx) => refineWindow(value, ctx));
export type CoBuildingSummaryQuery = z.output<typeof coBuildingSummaryQuery>;

const count = z.number().int();
export const coBuildingRow = z.object({
  key: z.string().describe('Community id; `*` for the city.'),
  projects: z.object({
    started: count.describe('Partner projects (社区合伙人) started in the window.'),
    total: count.describe('Every project, whenever started (now).'),
    active: count.describe('Projects that reported at least one activity in the window.'),
  }),
  teams: z.object({
    membersJoined: count.describe('Residents who joined a project team in the window.'),
    membersNow: count.describe('Team members of every project now, leaders included.'),
  }),
  resourceRequests: z.object({
    requested: count.describe('Resource requests made in the window.'),
    approved: count.describe('Requests approved in the window (whenever made).'),
    declined: count,
    approvalRatePercent: z.number().nullable().describe('Approved among the requests decided in the window; null when none was decided.'),
    pendingNow: count.describe('Requests waiting for a community officer now, whenever made.'),
  }),
  activities: z.object({
    reported: count.describe('Project activities reported in the window.'),
    participants: count.describe('Participants the reports give, summed (a resident at two activities counts twice).'),
  }),
  income: z.object({
    recordings: count,
    totalFen: z.number().describe('Project income recorded in the window, in fen (分).'),
    teamShareFen: z.number().describe('The teams’ share of it.'),
    fundShareFen: z.number().describe('The community public funds’ share of it; teamShareFen + fundShareFen = totalFen.'),
    fundSharePercent: z.number().nullable().describe('Fund share of the income; null when there was none.'),
    bySourceFen: z.record(z.enum(INCOME_SOURCES), z.number()),
  }),
  fund: z.object({
    receivedFen: z.number().describe('Into the community public fund in the window: the fund share of project income.'),
    spentFen: z.number().describe('Spent from the fund in the window.'),
    spendings: count,
    spendingsDecidedByCouncil: count.describe('Spendings that name the council (议事厅) topic that decided them.'),
    balanceNowFen: z.number().describe('Everything received minus everything spent, whenever (now).'),
  }),
  resourcesListed: z.object({
    total: count.describe('Resources added to the pool (资源清单) in the window.'),
    space: count,
    goods: count,
    service: count,
    skill: count,
  }),
  spaceBookings: z.object({
    bookings: count.describe('Space slots booked in the window (when booked, not the day booked for).'),
    bookedHours: z.number(),
    forProjects: count.describe('Of them, booked for a partner project.'),
    cancelled: count.describe('Bookings cancelled in the window (whenever made).'),
    cancelledHours: z.number(),
  }),
  needsPosted: count.describe('Needs (需求清单) posted in the window.'),
  organisations: z.object({
    registered: count.describe('Community social organisations registered in the window.'),
    total: count.describe('Every registered organisation (now).'),
    graded: count.describe('Evaluations (等级评估) recorded in the window.'),
    latestGrades: z.record(z.enum([...ORGANISATION_GRADES, 'ungraded']), count).describe('Organisations by their latest grade, now.'),
    gradesExpired: count.describe('Organisations whose latest grade was valid until before today.'),
  }),
});
export type CoBuildingRow = z.infer<typeof coBuildingRow>;

export const coBuildingSummaryResponse = z.object({
  groupBy: z.enum(['city', 'community']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  asOf: z.string(),
  rows: z.array(coBuildingRow).describe('The city; or one row per community with any co-building, sorted by id.'),
});
export type CoBuildingSummaryResponse = z.infer<typeof coBuildingSummaryResponse>;

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const emptySums = (): Sums => Object.fromEntries(SUMMARY_METRICS.map((m) => [m, 0])) as Sums;

/** Co-building per city or community: window counters, and the state of projects and organisations now. */
export async function readCoBuildingSummary(
  dataSource: DataSource,
  query: CoBuildingSummaryQuery,
  now: Date,
  timeZone: string,
): Promise<CoBuildingSummaryResponse> {
  const byCommunity = query.groupBy === 'community' || query.communityId !== undefined;
  const window = { from: query.from, to: query.to };
  const factWhere = query.communityId ? { communityId: query.communityId } : {};
  const dimension = { dimension: byCommunity ? 'community' : 'city', ...(query.communityId ? { keys: [query.communityId] } : {}) };
  const [sums, fundEver, activeByProject, projects, organisations] = await Promise.all([
    sumCountersByKey(dataSource, CoBuildingDaily, SUMMARY_METRICS, { ...dimension, ...window }),
    sumCountersByKey(dataSource, CoBuildingDaily, ['fundShareFen', 'fundSpentFen'], dimension),
    sumCountersByKey(dataSource, CoBuildingDaily, ['activitiesReported'], { dimension: 'project', ...window }),
    dataSource.getRepository(CoBuildingProjectFact).find({ where: factWhere as FindOptionsWhere<CoBuildingProjectFact> }),
    dataSource.getRepository(CoBuildingOrganisationFact).find({ where: factWhere as FindOptionsWhere<CoBuildingOrganisationFact> }),
  ]);
  const keyOf = (fact: { communityId: string }) => (byCommunity ? fact.communityId : CITY);
  const keys = new Set<string>([...sums.keys(), ...fundEver.keys(), ...projects.map(keyOf), ...organisations.map(keyOf)]);
  if (!byCommunity) keys.add(CITY);
  if (query.communityId) keys.add(query.communityId);
  const today = dayOf(now, timeZone);
  const rows = [...keys]
    .sort((a, b) => a.localeCompare(b))
    .map((key) =>
      coBuildingRowOf(
        key,
        sums.get(key) ?? emptySums(),
        projects.filter((p) => keyOf(p) === key),
        organisations.filter((o) => keyOf(o) === key),
        (projectId) => (activeByProject.get(projectId)?.activitiesReported ?? 0) > 0,
        (fundEver.get(key)?.fundShareFen ?? 0) - (fundEver.get(key)?.fundSpentFen ?? 0),
        today,
      ),
    );
  return { groupBy: byCommunity ? 'community' : 'city', from: query.from ?? null, to: query.to ?? null, asOf: now.toISOString(), rows };
}

function coBuildingRowOf(
  key: string,
  sums: Sums,
  projects: readonly CoBuildingProjectFact[],
  organisations: readonly CoBuildingOrganisationFact[],
  activeInWindow: (projectId: string) => boolean,
  fundBalanceNowFen: number,
  today: string,
): CoBuildingRow {
  const latestGrades = Object.fromEntries([...ORGANISATION_GRADES, 'ungraded'].map((g) => [g, 0])) as Record<
    OrganisationGrade | 'ungraded',
    number
  >;
  for (const o of organisations) latestGrades[o.grade ?? 'ungraded'] += 1;
  const decided = sums.requestsApproved + sums.requestsDeclined;
  return {
    key,
    projects: { started: sums.projectsStarted, total: projects.length, active: projects.filter((p) => activeInWindow(p.projectId)).length },
    teams: { membersJoined: sums.membersJoined, membersNow: projects.reduce((n, p) => n + p.teamSize, 0) },
    resourceRequests: {
      requested: sums.resourcesRequested,
      approved: sums.requestsApproved,
      declined: sums.requestsDeclined,
      approvalRatePercent: percentOf(sums.requestsApproved, decided),
      pendingNow: projects.reduce((n, p) => n + p.requestsPending, 0),
    },
    activities: { reported: sums.activitiesReported, participants: sums.activityParticipants },
    income: {
      recordings: sums.incomeRecorded,
      totalFen: sums.incomeFen,
      teamShareFen: sums.teamShareFen,
      fundShareFen: sums.fundShareFen,
      fundSharePercent: percentOf(sums.fundShareFen, sums.incomeFen),
      bySourceFen: Object.fromEntries(INCOME_SOURCES.map((s) => [s, sums[`income_${s}`]])) as Record<
        (typeof INCOME_SOURCES)[number],
        number
      >,
    },
    fund: {
      receivedFen: sums.fundShareFen,
      spentFen: sums.fundSpentFen,
      spendings: sums.fundSpendings,
      spendingsDecidedByCouncil: sums.fundSpendingsByCouncil,
      balanceNowFen: fundBalanceNowFen,
    },
    resourcesListed: {
      total: sums.resourcesListed,
      ...(Object.fromEntries(RESOURCE_KINDS.map((k) => [k, sums[`resources_${k}`]])) as Record<(typeof RESOURCE_KINDS)[number], number>),
    },
    spaceBookings: {
      bookings: sums.spaceBookings,
      bookedHours: hours(sums.spaceBookedMinutes),
      forProjects: sums.spaceBookingsForProjects,
      cancelled: sums.spaceBookingsCancelled,
      cancelledHours: hours(sums.spaceCancelledMinutes),
    },
    needsPosted: sums.needsPosted,
    organisations: {
      registered: sums.organisationsRegistered,
      total: organisations.length,
      graded: sums.organisationsGraded,
      latestGrades,
      gradesExpired: organisations.filter((o) => o.gradeValidUntil !== null && o.gradeValidUntil < today).length,
    },
  };
}
