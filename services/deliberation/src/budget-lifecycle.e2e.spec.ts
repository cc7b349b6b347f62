import { publicEvents } from '@gongzhi/contracts';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import type { DurableScheduler } from '@gongzhi/runtime';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { BALLOT_BOX, type BallotBox } from './ballot-box/ballot-box';
import { deliberationService, VOTING_SCHEDULER } from './index';
import { budgetResponse } from './queries/budget/get-budget.http.controller';

describe('民生微实事 over HTTP: 点单 → 配单 → vote → funded → completed → 评单', () => {
  let app: TestApp;
  let resident: string;
  let officer: string;
  let supervisor: string;
  const community = 'community-hexie';
  const api = '/api/deliberation/budgets';
  const pool = `${api}/${community}/2026`;
  const poolId = `budget-${community}-2026`;

  beforeAll(async () => {
    app = await startTestApp([deliberationService]);
    resident = await app.tokenFor('resident');
    officer = await app.tokenFor('community_officer');
    supervisor = await app.tokenFor('supervisor');
  });
  afterAll(() => app?.close());

  /** Access tokens last 15 minutes of the test's clock: after moving it by days, log in again. */
  async function loginAgain(): Promise<void> {
    const login = (role: Role) => {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      return app.login(account.username, account.password);
    };
    [resident, officer, supervisor] = await Promise.all([login('resident'), login('community_officer'), login('supervisor')]);
  }

  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const store = () => app.platform.infrastructure.get('deliberation')!.eventStore;

  it('takes a pool from its opening to the evaluations that set next year’s amount', async () => {
    const opened = await post(api, officer, { year: 2026, baseAmountYuan: 100_000 });
    expect([opened.status, opened.body]).toEqual([201, { poolId }]);

    // 居民点单: one resident orders several needs, one of them anonymously.
    const needs: string[] = [];
    for (const [title, anonymous] of [
      ['路灯维修', false],
      ['加装休闲座椅', false],
      ['楼道扶手', true],
    ] as const) {
      const ordered = await post(`${pool}/needs`, resident, { title, description: `${title}，居民反映多次`, anonymous });
      expect(ordered.status).toBe(201);
      needs.push(ordered.body.needId);
    }

    // 政府配单: a provider and a cost for each.
    const projects: string[] = [];
    for (const [i, costYuan] of [60_000, 50_000, 30_000].entries()) {
      const matched = await post(`${pool}/needs/${needs[i]}/match`, officer, { provider: '黄浦区某物业服务公司', costYuan });
      expect(matched.status).toBe(200);
      projects.push(matched.body.projectId);
    }
    const [lights, benches, handrails] = projects;

    const closesAt = new Date(app.clock.now().getTime() + 3 * 864e5).toISOString();
    expect((await post(`${pool}/voting`, officer, { closesAt })).status).toBe(200);

    // A selection over the pool: a clear 4xx naming the field, and nothing stored anywhere.
    const ballotBox = app.app.get<BallotBox>(BALLOT_BOX, { strict: false });
    const before = await store().headPosition();
    const overPool = await app.request('PUT', `${pool}/ballot`, { token: resident, body: { projectIds: [lights, benches] } });
    expect([overPool.status, overPool.body.code, overPool.body.errors[0].path]).toEqual([422, 'BUDGET.SELECTION_OVER_POOL', 'projectIds']);
    const empty = await app.request('PUT', `${pool}/ballot`, { token: resident, body: { projectIds: [] } });
    expect([empty.status, empty.body.errors[0].path]).toEqual([400, 'projectIds']);
    expect(await store().headPosition()).toBe(before);
    expect(await ballotBox.ballotCount(poolId)).toBe(0);

    const ballot = await app.request('PUT', `${pool}/ballot`, { token: resident, body: { projectIds: [lights, handrails] } });
    expect([ballot.status, ballot.body]).toEqual([200, { poolId, cast: true }]);

    // The deadline closes the vote.
    app.clock.advance({ days: 3 });
    await loginAgain();
    const scheduler = app.app.get<DurableScheduler>(VOTING_SCHEDULER, { strict: false });
    await scheduler.fireDue();
    expect(await scheduler.pending()).toEqual([]);

    const funded = await app.request('GET', pool, { token: resident });
    expect(funded.status).toBe(200);
    expect(budgetResponse.parse(funded.body)).toMatchObject({ status: 'Closed', amountYuan: 100_000 });
    expect(funded.body.result).toMatchObject({
      ballotsCast: 1,
      fundedProjectIds: [handrails, lights],
      fundedTotalYuan: 90_000,
      unfunded: [{ projectId: benches, reason: 'no_votes' }],
    });
    expect(funded.body.needs[2]).toMatchObject({ anonymous: true, residentId: null });
    expect(funded.body.projects.map((p: { status: string }) => p.status)).toEqual(['funded', 'unfunded', 'funded']);

    // Evaluation before completion is refused; progress, completion, then 评单 once per resident.
    const early = await post(`${pool}/projects/${lights}/evaluations`, resident, { score: 4 });
    expect([early.status, early.body.code]).toEqual([422, 'BUDGET.PROJECT_NOT_COMPLETED']);
    expect(
      (await post(`${pool}/projects/${lights}/progress`, supervisor, { percent: 50, note: '已更换 6 盏', photoIds: ['photo-1'] })).status,
    ).toBe(201);
    expect((await post(`${pool}/projects/${lights}/completion`, supervisor, { summary: '12 盏路灯已修复' })).status).toBe(200);
    expect((await post(`${pool}/projects/${lights}/evaluations`, resident, { score: 4, comment: '晚上亮堂了' })).status).toBe(201);
    const twice = await post(`${pool}/projects/${lights}/evaluations`, resident, { score: 5 });
    expect([twice.status, twice.body.code]).toEqual([422, 'BUDGET.ALREADY_EVALUATED']);

    const evaluated = await app.request('GET', pool, { token: resident });
    expect(budgetResponse.parse(evaluated.body).projects[0]).toMatchObject({
      status: 'completed',
      progressPercent: 100,
      evaluation: { count: 1, average: 4, comments: [{ score: 4, comment: '晚上亮堂了' }] },
    });
    expect(evaluated.body.nextYearAllocation).toEqual({
      year: 2027,
      baseAmountYuan: 100_000,
      allocationFactor: 1.1,
      suggestedAmountYuan: 110_000,
      previousYearSatisfaction: 4,
      previousYearEvaluations: 1,
    });

    // 评单 feeds next year's pool: the suggestion before opening, and the event that opens it.
    const suggestion = await app.request('GET', `${api}/${community}/2027/allocation-suggestion`, { token: officer });
    expect(suggestion.body).toMatchObject({ basedOnPoolId: poolId, suggestedAmountYuan: 110_000 });
    expect((await post(api, officer, { year: 2027, baseAmountYuan: 100_000 })).status).toBe(201);
    const next = await app.request('GET', `${api}/${community}/2027`, { token: resident });
    expect(next.body).toMatchObject({ amountYuan: 110_000, allocation: { allocationFactor: 1.1, previousYearSatisfaction: 4 } });

    // Every stored event passes its public contract; no ballot choice and no anonymous resident is in the log.
    const log = await store().readAll({ limit: 1000 });
    expect(log.map((e) => e.type)).toContain('BudgetVotingClosed');
    for (const event of log) expect(publicEvents.parse(event)).toMatchObject({ kind: 'ok' });
    const anonymousNeed = log.filter((e) => e.type === 'NeedOrdered')[2];
    expect(anonymousNeed.actor).toMatchObject({ id: 'anonymous' });
    expect(anonymousNeed.data).toMatchObject({ anonymous: true, residentId: null });
  });

  it('answers bad input with a clear 4xx and stores nothing', async () => {
    const before = await store().headPosition();
    const badYear = await app.request('GET', `${api}/${community}/20x6`, { token: resident });
    expect([badYear.status, badYear.body.errors[0].path]).toEqual([400, 'year']);
    const noPool = await post(`${api}/${community}/2030/needs`, resident, { title: 't', description: 'd' });
    expect([noPool.status, noPool.body.code]).toEqual([404, 'BUDGET.NOT_FOUND']);
    const byResident = await post(api, resident, { year: 2031, baseAmountYuan: 1000 });
    expect(byResident.status).toBe(403);
    const fractional = await post(api, officer, { year: 2031, baseAmountYuan: 10.5 });
    expect([fractional.status, fractional.body.errors[0].path]).toEqual([400, 'baseAmountYuan']);
    expect(await store().headPosition()).toBe(before);
  });
});
