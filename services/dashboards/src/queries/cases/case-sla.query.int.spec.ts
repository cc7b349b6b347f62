import { freshTestDatabase } from '@gongzhi/testing';
import { percentOf, percentile, round1 } from '../../figures/percentile';
import { BACKLOG_STATUSES, CASE_STATUSES, CaseFact } from '../../read-models/case-fact.entity';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../../testing/embedded-dashboards';
import { CASE_GROUPS, readCaseSla, type CaseSlaQuery, type CaseSlaRow } from './case-sla.query';

const now = new Date('2026-11-26T01:00:00.000Z');

/** A city's facts in every state an SLA figure can see: some acknowledged, resolved, reopened, rated, overdue, or not. */
function facts(count: number): CaseFact[] {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const maybe = <T>(value: T) => (random() < 0.5 ? value : null);
  return Array.from({ length: count }, (_, i) => {
    const status = pick(CASE_STATUSES);
    const day = `2026-11-${String(10 + Math.floor(random() * 16)).padStart(2, '0')}`;
    const acknowledgeSeconds = maybe(Math.floor(random() * 7200));
    const resolveSeconds = maybe(Math.floor(random() * 200_000));
    return Object.assign(new CaseFact(), {
      caseId: `case-${i}`,
      categoryCode: pick(['road', 'litter', 'noise']),
      gridId: pick(['grid-a1', 'grid-a2', 'grid-b1']),
      communityId: 'community-1',
      streetId: pick(['street-a', 'street-b']),
      departmentId: pick(['dept-cg', 'dept-hb', null]),
      status,
      reportedAt: `${day}T02:00:00.000Z`,
      reportedDay: day,
      dispatchedAt: null,
      acknowledgeBy: null,
      // Either side of now, to the millisecond: an open case past its resolve-by is overdue.
      resolveBy: maybe(new Date(now.getTime() + Math.floor((random() - 0.5) * 86_400_000)).toISOString()),
      acknowledgedAt: null,
      acknowledgeSeconds,
      acknowledgedWithinSla: maybe(random() < 0.7),
      resolvedAt: null,
      resolveSeconds,
      resolvedWithinSla: maybe(random() < 0.6),
      resolvedBy: null,
      everResolved: random() < 0.5,
      reopenCount: random() < 0.2 ? 1 + Math.floor(random() * 2) : 0,
      satisfaction: random() < 0.4 ? 1 + Math.floor(random() * 5) : null,
      escalated: random() < 0.1,
      closedAt: null,
    });
  });
}

/** The figures worked out fact by fact, as a person would with the list in hand. */
function expectedRow(key: string, group: CaseFact[]): CaseSlaRow {
  const acknowledged = group.filter((f) => f.acknowledgeSeconds !== null);
  const ackJudged = acknowledged.filter((f) => f.acknowledgedWithinSla !== null);
  const resolved = group.filter((f) => f.resolveSeconds !== null);
  const resolveJudged = resolved.filter((f) => f.resolvedWithinSla !== null);
  const reopened = group.filter((f) => f.reopenCount > 0).length;
  const rated = group.flatMap((f) => (f.satisfaction === null ? [] : [f.satisfaction]));
  const minutes = (seconds: number | null) => (seconds === null ? null : round1(seconds / 60));
  const open = group.filter((f) => BACKLOG_STATUSES.includes(f.status));
  return {
    key,
    cases: group.length,
    backlog: open.length,
    overdue: open.filter((f) => f.resolveBy !== null && Date.parse(f.resolveBy) < now.getTime()).length,
    acknowledged: acknowledged.length,
    acknowledgeMedianMinutes: minutes(
      percentile(
        acknowledged.map((f) => f.acknowledgeSeconds!),
        0.5,
      ),
    ),
    acknowledgeP90Minutes: minutes(
      percentile(
        acknowledged.map((f) => f.acknowledgeSeconds!),
        0.9,
      ),
    ),
    acknowledgedWithinSlaPercent: percentOf(ackJudged.filter((f) => f.acknowledgedWithinSla).length, ackJudged.length),
    resolved: resolved.length,
    resolveMedianMinutes: minutes(
      percentile(
        resolved.map((f) => f.resolveSeconds!),
        0.5,
      ),
    ),
    resolveP90Minutes: minutes(
      percentile(
        resolved.map((f) => f.resolveSeconds!),
        0.9,
      ),
    ),
    resolvedWithinSlaPercent: percentOf(resolveJudged.filter((f) => f.resolvedWithinSla).length, resolveJudged.length),
    reopened,
    reopenRatePercent: percentOf(reopened, group.filter((f) => f.everResolved).length),
    evaluated: rated.length,
    satisfactionAverage: rated.length === 0 ? null : round1(rated.reduce((a, b) => a + b, 0) / rated.length),
    satisfiedPercent: percentOf(rated.filter((s) => s >= 4).length, rated.length),
    escalated: group.filter((f) => f.escalated).length,
  };
}

const KEY_OF = {
  city: () => '*',
  street: (f) => f.streetId,
  grid: (f) => f.gridId,
  category: (f) => f.categoryCode,
  department: (f) => f.departmentId,
} satisfies Record<(typeof CASE_GROUPS)[number], (fact: CaseFact) => string | null>;

function expected(all: CaseFact[], query: CaseSlaQuery): CaseSlaRow[] {
  const inQuery = all.filter(
    (f) =>
      (!query.from || f.reportedDay >= query.from) &&
      (!query.to || f.reportedDay <= query.to) &&
      (!query.streetId || f.streetId === query.streetId) &&
      (!query.departmentId || f.departmentId === query.departmentId),
  );
  const groups = new Map<string, CaseFact[]>();
  if (query.groupBy === 'city') groups.set('*', []);
  for (const fact of inQuery) {
    const key = KEY_OF[query.groupBy](fact);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => expectedRow(key, group));
}

describe.each([
  ['SQLite (embedded)', async () => undefined],
  ['PostgreSQL (distributed)', () => freshTestDatabase('dashboards')],
])('case SLA figures summed by the database, read models on %s', (_name, readDatabaseUrl) => {
  let dash: EmbeddedDashboards;
  const all = facts(600);
  beforeAll(async () => {
    dash = await openEmbeddedDashboards({ readDatabaseUrl: await readDatabaseUrl() });
    await dash.infrastructure.dataSource.getRepository(CaseFact).save(all, { chunk: 100 });
  });
  afterAll(() => dash?.close());

  it.each(CASE_GROUPS)('are the figures worked out case by case, per %s', async (groupBy) => {
    const { rows } = await readCaseSla(dash.infrastructure.dataSource, { groupBy }, now);
    expect(rows).toEqual(expected(all, { groupBy }));
    expect(rows.reduce((sum, row) => sum + row.overdue, 0)).toBeGreaterThan(0);
  });

  it('count only the window and the filters asked for', async () => {
    const query: CaseSlaQuery = { groupBy: 'grid', from: '2026-11-14', to: '2026-11-20', streetId: 'street-a', departmentId: 'dept-hb' };
    const { rows } = await readCaseSla(dash.infrastructure.dataSource, query, now);
    expect(rows).toEqual(expected(all, query));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('give the city one row of nothing when no case is in the window', async () => {
    const { rows } = await readCaseSla(dash.infrastructure.dataSource, { groupBy: 'city', from: '2026-12-01', to: '2026-12-02' }, now);
    expect(rows).toEqual([expectedRow('*', [])]);
    expect(rows[0]).toMatchObject({ cases: 0, acknowledgeMedianMinutes: null, satisfactionAverage: null });
  });
});
