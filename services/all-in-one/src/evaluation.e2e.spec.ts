import { randomUUID } from 'node:crypto';
import type { Principal } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import {
  communityEvaluationResponse,
  evaluationReportsResponse,
  grantsInForceResponse,
  leagueTableResponse,
  myGrantsResponse,
} from '@gongzhi/dashboards';
import { SERVICES } from './services';

// Issue 24, item 7: a third-party evaluator (第三方评估) reads the communities an admin granted it, for the period
// granted, and publishes an evaluation report per community and period; satisfaction per department and per officer
// feeds a published league table the city exports (结果运用).

const DISPATCH = '/api/department-dispatch';
const DASH = '/api/dashboards';
const PERIOD = '2026-11';
const inHexie01 = { lat: 31.2385, long: 121.4778 };
const report = {
  period: PERIOD,
  scores: [
    { heading: '事件处置', score: 84 },
    { heading: '居民参与', score: 71 },
  ],
  summary: '本月事件处置及时，居民评价一般。',
};

describe('third-party evaluation over HTTP: read what was granted, publish per period, feed the league table', () => {
  let app: TestApp;
  let evaluator: Principal;
  let admin: string;
  let resident: string;
  let residentSubject: string;
  const caseIds: string[] = [];
  const post = (path: string, token: string | undefined, body: unknown = {}) => app.request('POST', path, { token, body });
  const get = (path: string, token?: string) => app.request('GET', path, { token });
  const evaluatorToken = () => app.tokenAs(evaluator);

  beforeAll(async () => {
    app = await startTestApp(SERVICES);
    [admin, resident] = await Promise.all([app.tokenFor('admin'), app.tokenFor('resident')]);
    const me = (await get('/api/auth/me', await app.tokenFor('evaluator'))).body;
    evaluator = { subject: me.subject, roles: ['evaluator'], scope: { cityId: 'city-shanghai' }, verification: 'verified' };
    residentSubject = (await get('/api/auth/me', resident)).body.subject;

    // Two cases of 和谐社区 this month: one a grid worker fixed (rated 5), one the city management bureau did (rated 2).
    const [gridWorker, officer, streetOfficer, chengguan] = await Promise.all([
      app.tokenFor('grid_worker'),
      app.tokenFor('community_officer'),
      app.tokenFor('street_officer'),
      app.tokenFor('department_staff'),
    ]);
    const reportCase = async (description: string) => {
      const reported = await post('/api/cases', resident, {
        categoryCode: 'order.street-vending',
        description,
        location: inHexie01,
        photoIds: [],
        anonymous: false,
      });
      expect(reported.status).toBe(201);
      expect((await post(`/api/cases/${reported.body.caseId}/accept`, gridWorker)).status).toBe(200);
      caseIds.push(reported.body.caseId);
      return reported.body.caseId as string;
    };
    const confirmAndRate = async (caseId: string, score: number) => {
      expect((await post(`/api/cases/${caseId}/confirm`, resident)).status).toBe(200);
      expect((await post(`/api/cases/${caseId}/evaluate`, resident, { score, comment: '评价' })).status).toBe(200);
    };

    const byGridWorker = await reportCase('路口有人摆摊占道');
    expect((await post(`/api/cases/${byGridWorker}/dispatch`, officer, { assigneeKind: 'grid_worker' })).status).toBe(200);
    expect((await post(`/api/cases/${byGridWorker}/acknowledge`, gridWorker)).status).toBe(200);
    expect((await post(`/api/cases/${byGridWorker}/resolve`, gridWorker, { notes: '已劝离' })).status).toBe(200);
    await confirmAndRate(byGridWorker, 5);

    const byDepartment = await reportCase('人行道长期堆放杂物');
    expect(
      (await post(`/api/cases/${byDepartment}/dispatch`, streetOfficer, { assigneeKind: 'department', departmentId: 'dept-chengguan' }))
        .status,
    ).toBe(200);
    const assignmentId = await eventuallyPasses(async () => {
      const inbox = await get(`${DISPATCH}/departments/dept-chengguan/assignments`, chengguan);
      const row = inbox.body.assignments.find((a: { caseId: string }) => a.caseId === byDepartment);
      expect(row).toBeDefined();
      return row.assignmentId as string;
    });
    expect((await post(`${DISPATCH}/assignments/${assignmentId}/acknowledge`, chengguan)).status).toBe(200);
    expect((await post(`${DISPATCH}/assignments/${assignmentId}/complete`, chengguan, { notes: '杂物已清运' })).status).toBe(200);
    await eventuallyPasses(async () => expect((await get(`/api/cases/${byDepartment}`, officer)).body.status).toBe('Resolved'));
    await confirmAndRate(byDepartment, 2);
  }, 120_000);
  afterAll(() => app?.close());

  it('lets only an admin grant an evaluator communities for a period, and refuses a grant that makes no sense', async () => {
    const grant = {
      evaluatorId: evaluator.subject,
      communityIds: ['community-hexie'],
      validFrom: '2026-11-01T00:00:00+08:00',
      validUntil: '2026-12-10T00:00:00+08:00',
    };
    for (const role of ['supervisor', 'community_officer', 'evaluator'] as const) {
      expect((await post(`${DISPATCH}/evaluator-grants`, await app.tokenFor(role), grant)).status).toBe(403);
    }
    expect(await post(`${DISPATCH}/evaluator-grants`, admin, { ...grant, communityIds: ['community-atlantis'] })).toMatchObject({
      status: 400,
      body: { code: 'EVALUATOR_GRANT.UNKNOWN_COMMUNITY' },
    });
    expect(await post(`${DISPATCH}/evaluator-grants`, admin, { ...grant, validUntil: '2026-10-01T00:00:00+08:00' })).toMatchObject({
      status: 400,
      body: { code: 'EVALUATOR_GRANT.EMPTY_PERIOD' },
    });
    expect(await post(`${DISPATCH}/evaluator-grants`, admin, grant)).toMatchObject({
      status: 201,
      body: { evaluatorId: evaluator.subject, communityIds: ['community-hexie'], validUntil: '2026-12-09T16:00:00.000Z' },
    });
    await eventuallyPasses(async () => {
      const mine = await get(`${DASH}/evaluation/grants/me`, await evaluatorToken());
      expect(myGrantsResponse.parse(mine.body).grants).toEqual([expect.objectContaining({ communityIds: ['community-hexie'] })]);
    });
    const inForce = grantsInForceResponse.parse((await get(`${DASH}/evaluation/grants`, admin)).body);
    expect(inForce.grants).toContainEqual(expect.objectContaining({ evaluatorId: evaluator.subject, inForce: true }));
  });

  it("shows the evaluator the granted community's figures and cases, with no trace of who reported them", async () => {
    const read = await eventuallyPasses(async () => {
      const answer = await get(`${DASH}/evaluation/communities/community-hexie?period=${PERIOD}`, await evaluatorToken());
      expect(answer.status).toBe(200);
      expect(communityEvaluationResponse.parse(answer.body).figures).toMatchObject({
        cases: 2,
        resolved: 2,
        evaluated: 2,
        satisfactionAverage: 3.5,
        satisfiedPercent: 50,
      });
      return answer.body;
    });
    expect(read.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([...caseIds].sort());
    expect(JSON.stringify(read)).not.toContain(residentSubject);
    expect(Object.keys(read.cases[0]).filter((k) => /report(er|edBy)|phone|name/i.test(k))).toEqual([]);
  });

  it('keeps the evaluator out of every other community, and everyone else out of the evaluator view', async () => {
    expect((await get(`${DASH}/evaluation/communities/community-xingfu?period=${PERIOD}`, await evaluatorToken())).status).toBe(403);
    for (const role of ['resident', 'community_officer', 'street_officer', 'supervisor'] as const) {
      const answer = await get(`${DASH}/evaluation/communities/community-hexie?period=${PERIOD}`, await app.tokenFor(role));
      expect(`${role}: ${answer.status}`).toBe(`${role}: 403`);
    }
    // An evaluator no admin granted reads nothing.
    const stranger = await app.tokenAs({ ...evaluator, subject: `evaluator-${randomUUID()}` });
    expect((await get(`${DASH}/evaluation/communities/community-hexie?period=${PERIOD}`, stranger)).status).toBe(403);
    expect(await get(`${DASH}/evaluation/communities/community-hexie?period=2026-13`, await evaluatorToken())).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', errors: [{ path: 'period', message: 'a month like 2026-11 or a quarter like 2026-Q4' }] },
    });
  });

  it('refuses the evaluator every write command of the platform it was not made for', async () => {
    const token = await evaluatorToken();
    expect((await post(`/api/cases/${caseIds[0]}/reopen`, token, { reason: '没修好' })).status).toBe(403);
    expect((await post(`/api/cases/${caseIds[0]}/accept`, token)).status).toBe(403);
    expect(
      (
        await post(`${DISPATCH}/evaluator-grants`, token, {
          evaluatorId: evaluator.subject,
          communityIds: ['community-xingfu'],
          validFrom: '2026-11-01T00:00:00+08:00',
          validUntil: '2026-12-31T00:00:00+08:00',
        })
      ).status,
    ).toBe(403);
  });

  it('publishes a report once per community and period; a change is a new version that says why, the first stays as published', async () => {
    const token = await evaluatorToken();
    const reports = `${DISPATCH}/communities/community-hexie/evaluation-reports`;
    expect(await post(reports, token, report)).toMatchObject({ status: 201, body: { reportId: `community-hexie/${PERIOD}`, version: 1 } });
    expect(await post(reports, token, report)).toMatchObject({
      status: 409,
      body: { code: 'EVALUATION_REPORT.ALREADY_PUBLISHED' },
    });
    const corrected = {
      ...report,
      scores: [{ heading: '事件处置', score: 80 }, report.scores[1]],
      correctionReason: '事件处置按复核数据更正',
    };
    expect(await post(reports, token, corrected)).toMatchObject({ status: 201, body: { version: 2 } });

    // Another community, another role, a half-filled form: refused, and nothing is published.
    expect(await post(`${DISPATCH}/communities/community-xingfu/evaluation-reports`, token, report)).toMatchObject({
      status: 403,
      body: { code: 'EVALUATION_REPORT.FORBIDDEN' },
    });
    expect((await post(reports, await app.tokenFor('community_officer'), report)).status).toBe(403);
    expect(await post(reports, token, { ...report, scores: [{ heading: '事件处置', score: 101 }] })).toMatchObject({ status: 400 });

    const published = await eventuallyPasses(async () => {
      const answer = await get(`${DASH}/evaluation/reports?communityId=community-hexie`);
      expect(evaluationReportsResponse.parse(answer.body).reports).toHaveLength(2);
      return answer.body.reports;
    });
    expect(published).toEqual([
      expect.objectContaining({
        version: 2,
        current: true,
        overallScore: 75.5,
        correction: { ofVersion: 1, reason: '事件处置按复核数据更正' },
      }),
      expect.objectContaining({ version: 1, current: false, overallScore: 77.5, correction: null, summary: report.summary }),
    ]);
    expect((await get(`${DASH}/evaluation/reports?communityId=community-xingfu`)).body.reports).toEqual([]);
  });

  it('publishes the league table of the period, officers unnamed by default, and exports it as CSV', async () => {
    const table = await eventuallyPasses(async () => {
      const answer = await get(`${DASH}/league-table?period=${PERIOD}`);
      expect(answer.status).toBe(200);
      expect(leagueTableResponse.parse(answer.body).departments).toEqual([
        expect.objectContaining({ rank: 1, departmentId: 'dept-chengguan', resolved: 1, evaluated: 1, satisfactionAverage: 2 }),
      ]);
      expect(answer.body.communities).toEqual([{ rank: 1, communityId: 'community-hexie', overallScore: 75.5, version: 2 }]);
      return answer.body;
    });
    expect(table.officers).toBe('hidden');
    expect(table.officerStandings).toEqual([
      expect.objectContaining({ rank: 1, officerId: null, label: '第 1 名办事人员', resolved: 1, satisfactionAverage: 5 }),
    ]);

    const csv = await fetch(`${app.url}${DASH}/league-table.csv?period=${PERIOD}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^table,rank,key,resolved,/);
    expect(lines).toContain('department,1,dept-chengguan,1,100,1,2,0,0,,');
    expect(lines.filter((l) => l.startsWith('officer,'))).toEqual(['officer,1,第 1 名办事人员,1,100,1,5,100,,,']);
    expect(lines).toContain('community,1,community-hexie,,,,,,,,75.5');
  });

  it('shuts the evaluator out once the grant has ended: no reading, no report', async () => {
    app.clock.set('2026-12-10T00:00:00+08:00');
    const token = await evaluatorToken();
    expect((await get(`${DASH}/evaluation/communities/community-hexie?period=${PERIOD}`, token)).status).toBe(403);
    expect((await get(`${DASH}/evaluation/grants/me`, token)).body.grants).toEqual([]);
    expect(
      await post(`${DISPATCH}/communities/community-hexie/evaluation-reports`, token, { ...report, correctionReason: '补充' }),
    ).toMatchObject({ status: 403, body: { code: 'EVALUATION_REPORT.FORBIDDEN' } });
  });
});
