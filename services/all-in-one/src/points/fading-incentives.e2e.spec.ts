import { TOPICS } from '@gongzhi/contracts';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { SERVICES } from '../services';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const honourFromTomorrow = {
  from: '2026-11-27',
  reward: 'honour',
  honourName: '文明市民表扬',
  note: '11月27日起，上报有效问题不再积5分，改为文明市民表扬。',
};

// 逐步淡化物质激励: a city admin announces ahead that a valid report earns an honour instead of 5 points;
// the switch applies by the clock at midnight in city time, never to what was done before it, and the city
// dashboard shows the share of participation that was still paid for.
describe('rewards that fade from points to honour', () => {
  let app: TestApp;
  const login = (role: Role) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    return app.login(account.username, account.password);
  };
  const post = (path: string, token: string, body?: unknown) => app.request('POST', path, { token, body });
  const announce = (token: string, body: unknown, ruleId = 'valid-report') => post(`/api/points/rules/${ruleId}/phases`, token, body);
  const pointsEvents = () => app.platform.infrastructure.get('points')!.eventStore;

  beforeAll(async () => {
    // 26 November, 17:00 in Shanghai. The dashboards read every topic, so every service runs.
    app = await startTestApp(SERVICES);
  });
  afterAll(() => app?.close());

  async function pointsCaughtUp(): Promise<void> {
    const head = await app.platform.infrastructure.get('grid-events')!.eventStore.headPosition();
    const state = app.platform.infrastructure.get('points')!.state;
    const topic = TOPICS['grid-events'];
    await eventuallyPasses(async () => expect(await state.position(`points-awards-${topic}`, `log:${topic}`)).toBeGreaterThanOrEqual(head));
  }

  async function acceptedReport(resident: string, gridWorker: string, description: string): Promise<void> {
    const reported = await post('/api/cases', resident, { categoryCode: 'environment.garbage.overflow', description, location: inHexie01 });
    expect(reported.status).toBe(201);
    expect((await post(`/api/cases/${reported.body.caseId}/accept`, gridWorker)).status).toBe(200);
  }

  it('lets only a city admin announce a phase, and stores nothing for a refused or bad announcement', async () => {
    const [resident, streetOfficer, admin] = await Promise.all([login('resident'), login('street_officer'), login('admin')]);
    const before = await pointsEvents().headPosition();
    for (const token of [resident, streetOfficer]) expect((await announce(token, honourFromTomorrow)).status).toBe(403);
    expect((await announce(admin, { ...honourFromTomorrow, honourName: undefined })).body).toMatchObject({
      statusCode: 400,
      errors: [expect.objectContaining({ path: 'honourName' })],
    });
    const today = await announce(admin, { ...honourFromTomorrow, from: '2026-11-26' });
    expect(today.body).toMatchObject({ statusCode: 422, code: 'RULES.NOT_ANNOUNCED_AHEAD' });
    expect(today.body.message).toContain('2026-11-26');
    expect((await announce(admin, honourFromTomorrow, 'made-up-rule')).status).toBe(404);
    expect(await pointsEvents().headPosition()).toBe(before);
  });

  it('pays points before the switch and the honour after it; a resident reads the schedule; the dashboard shows the share paid for', async () => {
    const admin = await login('admin');
    let [resident, gridWorker] = await Promise.all([login('resident'), login('grid_worker')]);
    const announced = await announce(admin, honourFromTomorrow);
    expect(announced.status).toBe(201);
    // Midnight of 27 November in Shanghai.
    expect(announced.body).toMatchObject({ effectiveFromDay: '2026-11-27', effectiveFrom: '2026-11-26T16:00:00.000Z', reward: 'honour' });
    expect((await announce(admin, honourFromTomorrow)).body).toMatchObject({ statusCode: 409, code: 'RULES.PHASE_EXISTS' });

    const schedule = await app.request('GET', '/api/points/reward-schedule', { token: resident });
    expect(schedule.body).toMatchObject({ timeZone: 'Asia/Shanghai', today: '2026-11-26' });
    expect(schedule.body.rules.find((r: { ruleId: string }) => r.ruleId === 'valid-report')).toMatchObject({
      now: { reward: 'material', points: 5 },
      phases: [{ from: '2026-11-27', reward: 'honour', honourName: '文明市民表扬', status: 'announced', note: honourFromTomorrow.note }],
    });

    await acceptedReport(resident, gridWorker, '垃圾桶满溢（切换前）');
    await pointsCaughtUp();
    const me = async () => (await app.request('GET', '/api/points/me', { token: resident })).body;
    expect((await me()).balance).toBe(5);

    app.clock.set('2026-11-26T16:30:00.000Z'); // 00:30 on 27 November in Shanghai
    [resident, gridWorker] = await Promise.all([login('resident'), login('grid_worker')]);
    await acceptedReport(resident, gridWorker, '垃圾桶满溢（切换后）');
    await pointsCaughtUp();
    const { balance, residentId } = await me();
    expect(balance).toBe(5);
    const ledger = (await app.request('GET', '/api/points/me/ledger', { token: resident })).body;
    expect(ledger.map((line: { kind: string }) => line.kind)).toEqual(['honour', 'award']);
    expect(ledger[0]).toMatchObject({ points: 0, honour: '文明市民表扬', ruleId: 'valid-report' });

    // Each decision names the rules version it was made by, so a replay can tell which rule was in force.
    const { events } = await pointsEvents().readStream(`points-${residentId}`);
    expect(events.filter((e) => ['PointsAwarded', 'ParticipationHonoured'].includes(e.type)).map((e) => [e.type, e.data])).toEqual([
      ['PointsAwarded', expect.objectContaining({ points: 5, rulesVersion: 1 })],
      ['ParticipationHonoured', expect.objectContaining({ honourName: '文明市民表扬', rulesVersion: 1 })],
    ]);

    const nowInForce = await app.request('GET', '/api/points/reward-schedule', { token: resident });
    expect(nowInForce.body.rules.find((r: { ruleId: string }) => r.ruleId === 'valid-report')).toMatchObject({
      now: { reward: 'honour', points: 0, honourName: '文明市民表扬' },
      phases: [{ status: 'in_force' }],
    });

    await eventuallyPasses(async () => {
      const figure = await app.request('GET', '/api/dashboards/points/incentive-dependency?from=2026-11-01&to=2026-11-30');
      expect(figure.status).toBe(200);
      expect(figure.body.periods).toEqual([{ period: '2026-11', rewarded: 1, unrewarded: 1, materialSharePercent: 50 }]);
      expect(figure.body.explanation).toContain('激励依赖度');
    });
  });
});
