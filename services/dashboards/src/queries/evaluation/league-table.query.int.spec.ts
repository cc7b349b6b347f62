import { CaseFact, EvaluationReportRow } from '../../read-models';
import { openEmbeddedDashboards, type EmbeddedDashboards } from '../../testing/embedded-dashboards';
import { leagueTableCsv, readLeagueTable } from './league-table.query';

/** A resolved case of November 2026, rated or not. */
function fact(
  caseId: string,
  departmentId: string | null,
  resolvedBy: string | null,
  satisfaction: number | null,
  withinSla = true,
): CaseFact {
  return Object.assign(new CaseFact(), {
    caseId,
    categoryCode: 'order.street-vending',
    gridId: 'grid-hexie-01',
    communityId: 'community-hexie',
    streetId: 'street-nanjingdong',
    departmentId,
    status: 'closed',
    reportedAt: '2026-11-10T02:00:00.000Z',
    reportedDay: '2026-11-10',
    dispatchedAt: null,
    acknowledgeBy: null,
    resolveBy: null,
    acknowledgedAt: null,
    acknowledgeSeconds: null,
    acknowledgedWithinSla: null,
    resolvedAt: '2026-11-10T06:00:00.000Z',
    resolveSeconds: 14_400,
    resolvedWithinSla: withinSla,
    resolvedBy,
    everResolved: true,
    reopenCount: 0,
    satisfaction,
    escalated: false,
    closedAt: '2026-11-12T06:00:00.000Z',
  });
}

describe('the league table (结果运用)', () => {
  let dash: EmbeddedDashboards;

  beforeAll(async () => {
    dash = await openEmbeddedDashboards();
    const facts = dash.infrastructure.dataSource.getRepository(CaseFact);
    await facts.save([
      fact('c-1', 'dept-chengguan', 'officer-a', 5),
      fact('c-2', 'dept-chengguan', 'officer-a', 4),
      fact('c-3', 'dept-jiaojing', 'officer-b,"night shift"', 2),
      fact('c-4', 'dept-huanbao', 'officer-c', null, false),
      // December: another period, counted in none of November's standings.
      Object.assign(fact('c-5', 'dept-jiaojing', 'officer-b,"night shift"', 5), { reportedDay: '2026-12-01' }),
    ]);
    const reports = dash.infrastructure.dataSource.getRepository(EvaluationReportRow);
    const report = {
      streetId: 'street-nanjingdong',
      evaluatorId: 'evaluator-1',
      scores: [{ heading: '事件处置', score: 80 }],
      summary: '—',
    };
    await reports.save([
      {
        ...report,
        communityId: 'community-hexie',
        period: '2026-11',
        version: 1,
        overallScore: 60,
        correctsVersion: null,
        correctionReason: null,
        publishedAt: '2026-12-01T02:00:00.000Z',
      },
      {
        ...report,
        communityId: 'community-hexie',
        period: '2026-11',
        version: 2,
        overallScore: 70,
        correctsVersion: 1,
        correctionReason: '复核',
        publishedAt: '2026-12-02T02:00:00.000Z',
      },
      {
        ...report,
        communityId: 'community-xingfu',
        period: '2026-11',
        version: 1,
        overallScore: 85,
        correctsVersion: null,
        correctionReason: null,
        publishedAt: '2026-12-01T02:00:00.000Z',
      },
    ]);
  });
  afterAll(() => dash?.close());

  it('ranks departments by residents’ ratings of the period, the unrated last', async () => {
    const table = await readLeagueTable(dash.infrastructure.dataSource, { period: '2026-11' }, 'hidden');
    expect(table.departments.map((d) => [d.rank, d.departmentId, d.satisfactionAverage, d.evaluated])).toEqual([
      [1, 'dept-chengguan', 4.5, 2],
      [2, 'dept-jiaojing', 2, 1],
      [3, 'dept-huanbao', null, 0],
    ]);
  });

  it('hides who the officers are unless the city names them', async () => {
    const hidden = await readLeagueTable(dash.infrastructure.dataSource, { period: '2026-11' }, 'hidden');
    expect(hidden.officerStandings.map((o) => [o.rank, o.officerId, o.label])).toEqual([
      [1, null, '第 1 名办事人员'],
      [2, null, '第 2 名办事人员'],
      [3, null, '第 3 名办事人员'],
    ]);
    expect(JSON.stringify(hidden)).not.toMatch(/officer-[abc]/);
    const named = await readLeagueTable(dash.infrastructure.dataSource, { period: '2026-11' }, 'named');
    expect(named.officerStandings.map((o) => o.officerId)).toEqual(['officer-a', 'officer-b,"night shift"', 'officer-c']);
  });

  it('scores each community by its current report only', async () => {
    const table = await readLeagueTable(dash.infrastructure.dataSource, { period: '2026-11' }, 'hidden');
    expect(table.communities).toEqual([
      { rank: 1, communityId: 'community-xingfu', overallScore: 85, version: 1 },
      { rank: 2, communityId: 'community-hexie', overallScore: 70, version: 2 },
    ]);
  });

  it('writes a CSV a spreadsheet reads: a byte-order mark, quoted cells where a name holds a comma or a quote', async () => {
    const csv = leagueTableCsv(await readLeagueTable(dash.infrastructure.dataSource, { period: '2026-11' }, 'named'));
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.split('\r\n')).toContain('officer,2,"officer-b,""night shift""",1,100,1,2,0,,,');
  });
});
