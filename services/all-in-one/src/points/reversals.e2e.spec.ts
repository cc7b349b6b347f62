import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@gongzhi/contracts';
import { gridEventsService } from '@gongzhi/grid-events';
import { DEMO_ACCOUNTS, type Role } from '@gongzhi/identity';
import { loadPointsSettings, pointsService } from '@gongzhi/points';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

const inHexie01 = { lat: 31.2385, long: 121.4778 };

// "A reversal promised is a reversal done": a case voided after acceptance takes its +5 back, and an admin
// who confirms a farming flag takes back exactly the awards it names, reading the sources from the API.
describe('points that were not earned are taken back', () => {
  let app: TestApp;
  const login = (role: Role) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    return app.login(account.username, account.password);
  };

  beforeAll(async () => {
    // A burst is three awards within the hour here (twelve by default), so a few reports show it.
    const config = join(mkdtempSync(join(tmpdir(), 'points-burst-')), 'points.json');
    writeFileSync(config, JSON.stringify({ ...loadPointsSettings({}).config, burst: { maxAwards: 2, windowMinutes: 60 } }));
    app = await startTestApp([gridEventsService, pointsService], { env: { GONGZHI_POINTS_CONFIG: config } });
  });
  afterAll(() => app?.close());

  /** The points service has read the case log to its end: every award and reversal it owes is made. */
  async function pointsCaughtUp(): Promise<void> {
    const head = await app.platform.infrastructure.get('grid-events')!.eventStore.headPosition();
    const state = app.platform.infrastructure.get('points')!.state;
    const topic = TOPICS['grid-events'];
    await eventuallyPasses(async () => expect(await state.position(`points-awards-${topic}`, `log:${topic}`)).toBeGreaterThanOrEqual(head));
  }

  const post = (path: string, token: string, body?: unknown) => app.request('POST', path, { token, body });
  const balanceOf = async (token: string) => (await app.request('GET', '/api/points/me', { token })).body.balance as number;

  async function acceptedReport(resident: string, gridWorker: string, description: string): Promise<string> {
    const reported = await post('/api/cases', resident, { categoryCode: 'environment.garbage.overflow', description, location: inHexie01 });
    expect(reported.status).toBe(201);
    expect((await post(`/api/cases/${reported.body.caseId}/accept`, gridWorker)).status).toBe(200);
    return reported.body.caseId;
  }

  it('voids a case found invalid after acceptance, only by its officers and with a reason, and reverses its +5 once', async () => {
    const [resident, gridWorker, officer, staff] = await Promise.all([
      login('resident'),
      login('grid_worker'),
      login('community_officer'),
      login('department_staff'),
    ]);
    const caseId = await acceptedReport(resident, gridWorker, '垃圾桶满溢');
    await pointsCaughtUp();
    expect(await balanceOf(resident)).toBe(5);

    // The worker who accepted it, a department, and the reporter cannot void it; nor can anyone without a reason.
    for (const token of [gridWorker, staff, resident])
      expect((await post(`/api/cases/${caseId}/void`, token, { reason: '无效' })).status).toBe(403);
    const noReason = await post(`/api/cases/${caseId}/void`, officer);
    expect(noReason).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'reason', message: 'voiding a case needs a reason, told to the reporter' }] },
    });
    const stillInTriage = await post('/api/cases', resident, {
      categoryCode: 'environment.noise',
      description: '夜间施工',
      location: inHexie01,
    });
    expect((await post(`/api/cases/${stillInTriage.body.caseId}/void`, officer, { reason: '无效' })).body).toMatchObject({
      statusCode: 422,
      code: 'CASE.INVALID_TRANSITION',
    });

    expect((await post(`/api/cases/${caseId}/void`, officer, { reason: '现场核实：照片为网络图片' })).status).toBe(200);
    expect((await post(`/api/cases/${caseId}/void`, officer, { reason: '再作废一次' })).body).toMatchObject({
      statusCode: 409,
      code: 'CASE.ALREADY_VOIDED',
    });
    await pointsCaughtUp();
    expect(await balanceOf(resident)).toBe(0);
    const ledger = (await app.request('GET', '/api/points/me/ledger', { token: resident })).body;
    expect(ledger.filter((line: { kind: string }) => line.kind === 'reversal')).toEqual([
      expect.objectContaining({ points: -5, ruleId: 'valid-report', reason: 'case voided: 现场核实：照片为网络图片' }),
    ]);
    const view = (await app.request('GET', `/api/cases/${caseId}`, { token: resident })).body;
    expect(view).toMatchObject({ status: 'Closed', closeReason: 'voided', voidReason: '现场核实：照片为网络图片' });
    await eventuallyPasses(async () => {
      const { body } = await app.request('GET', '/api/notifications', { token: resident });
      expect(body.notifications.map((n: { kind: string }) => n.kind)).toContain('voided');
    });
  });

  it('reverses exactly the awards a confirmed farming flag names, which the admin reads with their sources', async () => {
    app.clock.advance({ minutes: 61 }); // out of the window of the first test's award
    const [resident, gridWorker, admin] = await Promise.all([login('resident'), login('grid_worker'), login('admin')]);
    const burst = [await acceptedReport(resident, gridWorker, '垃圾桶满溢一'), await acceptedReport(resident, gridWorker, '垃圾桶满溢二')];
    burst.push(await acceptedReport(resident, gridWorker, '垃圾桶满溢三'));
    await pointsCaughtUp();
    // The flags list is a read model of points' own log: it follows the award that raised the flag a moment later.
    let flag!: { residentId: string; flagId: string };
    await eventuallyPasses(async () => {
      [flag] = (await app.request('GET', '/api/points/admin/flags', { token: admin })).body;
      expect(flag).toMatchObject({ awardsInWindow: 3, status: 'open' });
    });
    const after = await acceptedReport(resident, gridWorker, '垃圾桶满溢四'); // within the hour, but after the flag: not in it
    await pointsCaughtUp();
    expect(await balanceOf(resident)).toBe(20);

    // The admin reads each entry's source: which event, of what type, for what.
    expect((await app.request('GET', `/api/points/admin/residents/${flag.residentId}/ledger`, { token: resident })).status).toBe(403);
    expect((await app.request('GET', '/api/points/admin/residents/nobody-we-know/ledger', { token: admin })).status).toBe(404);
    const statement = (await app.request('GET', `/api/points/admin/residents/${flag.residentId}/ledger`, { token: admin })).body;
    const awardFor = (caseId: string) =>
      statement.entries.find((e: { sourceKey?: string; kind: string }) => e.kind === 'award' && e.sourceKey === `case-${caseId}`);
    for (const caseId of [...burst, after])
      expect(awardFor(caseId)).toMatchObject({
        points: 5,
        sourceEventType: 'CaseAccepted',
        sourceEventId: expect.any(String),
        reversed: false,
      });
    const named = burst.map((caseId) => awardFor(caseId).sourceEventId);
    expect(statement.flags).toEqual([{ flagId: flag.flagId, status: 'open', sourceEventIds: named }]);

    const review = `/api/points/admin/flags/${flag.residentId}/${flag.flagId}/review`;
    const confirmed = await post(review, admin, { outcome: 'confirmed', note: '同一时段连续上报' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.reversed.map((r: { sourceEventId: string }) => r.sourceEventId)).toEqual(named);
    expect(confirmed.body.balance).toBe(5);
    expect((await post(review, admin, { outcome: 'confirmed', note: '再确认一次' })).body).toMatchObject({
      statusCode: 409,
      code: 'POINTS.FLAG_ALREADY_REVIEWED',
    });
    expect(await balanceOf(resident)).toBe(5);

    // The award outside the flag stays; an admin can still take it back by hand, by the source the API shows.
    const manual = await post('/api/points/admin/reversals', admin, {
      residentId: flag.residentId,
      sourceEventId: awardFor(after).sourceEventId,
      reason: '人工复核',
    });
    expect(manual.body).toMatchObject({ balance: 0, reversed: [{ points: 5, debited: 5 }] });
    const reread = (await app.request('GET', `/api/points/admin/residents/${flag.residentId}/ledger`, { token: admin })).body;
    expect(
      reread.entries.filter((e: { kind: string }) => e.kind === 'reversal').map((e: { sourceEventId: string }) => e.sourceEventId),
    ).toEqual(expect.arrayContaining([...named, awardFor(after).sourceEventId]));
  });
});
