import { eventuallyPasses as eventually, TINY_PNG } from '@gongzhi/testing';
import type { DataSource } from 'typeorm';
import { publicEvents } from '@gongzhi/contracts';
import { departmentDispatchService, DepartmentDispatchRuntime } from '@gongzhi/department-dispatch';
import { gridEventsService } from '@gongzhi/grid-events';
import { Account, DEMO_ACCOUNTS, IDENTITY_DATA_SOURCE, seedDemoAccounts, type Role } from '@gongzhi/identity';
import { startTestApp, type TestApp } from '@gongzhi/testing';

// Issue #6, done when: case reported → escalated → whistle with two departments → one checks in at once, the
// other misses and is escalated, then checks in → both tasks done → evaluated → the case is resolved in
// grid-events. Two services on the real stack (embedded stores, the in-process bus between them), over HTTP.

const DISPATCH = '/api/department-dispatch';
const STREET = 'street-nanjingdong';
const inHexie01 = { lat: 31.2385, long: 121.4778 };

// 交警 has no demo account: seeded as department-dispatch's own test kit does, through the identity API.
const JIAOJING = { username: 'test-staff-jiaojing', password: 'test-staff-password-2026' };


describe('吹哨报到 closes the case: grid-events and department-dispatch together', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([gridEventsService, departmentDispatchService]);
    const identity = app.app.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false });
    await seedDemoAccounts(
      identity.getRepository(Account),
      [{ ...JIAOJING, displayName: '交警值班', role: 'department_staff', scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', departmentId: 'dept-jiaojing' } }],
      { now: app.clock.now() },
    );
  });
  afterAll(() => app?.close());

  /** A fresh token: access tokens last 15 minutes of the test's clock, and the test moves it by an hour. */
  const tokenOf = (who: Role | 'jiaojing') => {
    if (who === 'jiaojing') return app.login(JIAOJING.username, JIAOJING.password);
    const demo = DEMO_ACCOUNTS.find((a) => a.role === who)!;
    return app.login(demo.username, demo.password);
  };
  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const get = (path: string, token?: string) => app.request('GET', path, { token });
  const store = (service: string) => app.platform.infrastructure.get(service)!.eventStore;
  const dispatch = () => app.app.get(DepartmentDispatchRuntime, { strict: false });
  const pendingTimers = async () => (await dispatch().scheduler.pending()).map((t) => t.id);

  async function uploadPhoto(token: string): Promise<string> {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(TINY_PNG)]), 'after.png');
    const response = await fetch(`${app.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { photoId: string }).photoId;
  }

  it('runs from a resident’s report through the whistle, a missed check-in and joint handling, to the resolved case and the scoreboard', async () => {
    const resident = await tokenOf('resident');
    const gridWorker = await tokenOf('grid_worker');
    let officer = await tokenOf('street_officer');
    let chengguan = await tokenOf('department_staff');

    // 随手拍: street vending blocks the fire lane and the road — 城管 and 交警 must act together.
    const reported = await post('/api/cases', resident, {
      categoryCode: 'order.street-vending',
      description: '夜市摊位占用消防通道，车辆乱停堵了路口',
      location: inHexie01,
    });
    expect(reported.status).toBe(201);
    const caseId: string = reported.body.caseId;
    expect((await post(`/api/cases/${caseId}/accept`, gridWorker)).status).toBe(200);

    // The street escalates it across departments; department-dispatch lists it for the street to whistle on.
    const escalated = await post(`/api/cases/${caseId}/escalate`, officer, { departmentIds: ['dept-chengguan', 'dept-jiaojing'], note: '需城管、交警联合处置' });
    expect(escalated).toMatchObject({ status: 200, body: { caseId, escalated: true } });
    await eventually(async () => {
      const { body } = await get(`${DISPATCH}/streets/${STREET}/escalated-cases`, officer);
      expect(body.cases).toEqual([expect.objectContaining({ caseId, reason: 'cross_department', departmentIds: ['dept-chengguan', 'dept-jiaojing'], whistleId: null })]);
    });

    // 吹哨 at 09:00: 城管 leads, 交警 joins; each must check in by 09:30.
    const blown = await post(`${DISPATCH}/streets/${STREET}/whistles`, officer, {
      title: '南京东路夜市占道经营',
      description: '夜市摊位占用消防通道，车辆乱停',
      caseId,
      categoryCode: 'order.street-vending',
      departmentIds: ['dept-chengguan', 'dept-jiaojing'],
      leadDepartmentId: 'dept-chengguan',
    });
    expect(blown.status).toBe(201);
    const whistleId: string = blown.body.whistleId;
    expect(blown.body).toMatchObject({ status: 'Summoned', checkInBy: '2026-11-26T09:30:00.000Z' });
    await eventually(async () => {
      const { body } = await get(`${DISPATCH}/streets/${STREET}/escalated-cases`, officer);
      expect(body.cases[0]).toMatchObject({ caseId, whistleId });
    });

    // 城管 checks in at once (4 minutes).
    app.clock.advance({ minutes: 4 });
    const checkedIn = await post(`${DISPATCH}/whistles/${whistleId}/check-in`, chengguan);
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.departments[0]).toMatchObject({ departmentId: 'dept-chengguan', checkIn: { state: 'checked_in', withinDeadline: true } });

    // 交警 misses 09:30: the street chases it, and 30 minutes later the district.
    await eventually(async () => expect(await pendingTimers()).toContain(`whistle-${whistleId}:dept-jiaojing:check-in:street`));
    app.clock.advance({ minutes: 27 }); // 09:31
    await dispatch().scheduler.fireDue();
    await eventually(async () => expect(await pendingTimers()).toContain(`whistle-${whistleId}:dept-jiaojing:check-in:district`));
    app.clock.advance({ minutes: 30 }); // 10:01
    await dispatch().scheduler.fireDue();
    const whistleEvents = async () => (await store('department-dispatch').readStream(`whistle-${whistleId}`)).events;
    expect((await whistleEvents()).filter((e) => e.type === 'CheckInMissed' || e.type === 'WhistleEscalated').map((e) => [e.type, (e.data as { level?: string }).level ?? null])).toEqual([
      ['CheckInMissed', null],
      ['WhistleEscalated', 'street'],
      ['WhistleEscalated', 'district'],
    ]);

    // 交警 checks in late, at 10:10 (escalated to the district); the chain stops before the city.
    app.clock.advance({ minutes: 9 });
    let jiaojing = await tokenOf('jiaojing');
    const late = await post(`${DISPATCH}/whistles/${whistleId}/check-in`, jiaojing);
    expect(late.status).toBe(200);
    expect((await whistleEvents()).at(-1)).toMatchObject({ type: 'DepartmentCheckedIn', data: { departmentId: 'dept-jiaojing', withinDeadline: false, escalationLevel: 'district', minutesToCheckIn: 70 } });
    await eventually(async () => expect(await pendingTimers()).not.toContain(`whistle-${whistleId}:dept-jiaojing:check-in:city`));

    // The case is still open in grid-events while the departments work.
    officer = await tokenOf('street_officer');
    expect((await get(`/api/cases/${caseId}`, officer)).body.status).toBe('Accepted');

    // Joint handling, two hours later: both tasks done → the whistle is resolved.
    app.clock.advance({ hours: 2 });
    chengguan = await tokenOf('department_staff');
    jiaojing = await tokenOf('jiaojing');
    officer = await tokenOf('street_officer');
    const chengguanPhoto = await uploadPhoto(chengguan);
    const jiaojingPhoto = await uploadPhoto(jiaojing);
    const first = await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, chengguan, { notes: '摊位已清理，消防通道已恢复', photoIds: [chengguanPhoto] });
    expect(first.body.status).toBe('Summoned');
    const last = await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, jiaojing, { notes: '已设禁停标志并拖移违停车辆', photoIds: [jiaojingPhoto] });
    expect(last.body.status).toBe('Resolved');
    expect((await whistleEvents()).at(-1)).toMatchObject({ type: 'WhistleResolved', data: { caseId, streetId: STREET } });

    // The case follows: resolved in grid-events with the departments' notes and photos, the reporter asked to confirm.
    const caseView = await eventually(async () => {
      const view = await get(`/api/cases/${caseId}`, officer);
      expect(view.body.status).toBe('Resolved');
      return view.body;
    });
    expect(caseView).toMatchObject({ afterPhotoIds: [chengguanPhoto, jiaojingPhoto], autoCloseAt: expect.any(String) });
    expect(caseView.resolutionNotes).toContain('摊位已清理');
    expect(caseView.resolutionNotes).toContain('已设禁停标志');
    expect(caseView.timeline.map((t: { type: string }) => t.type)).toEqual(['CaseReported', 'CaseAccepted', 'CaseEscalated', 'CaseResolved']);
    expect(caseView.timeline.at(-1)).toMatchObject({ at: '2026-11-26T12:10:00.000Z', by: 'street_officer' });
    const caseEvents = (await store('grid-events').readStream(`case-${caseId}`)).events;
    const whistleResolved = (await whistleEvents()).at(-1)!;
    expect(caseEvents.at(-1)).toMatchObject({ type: 'CaseResolved', causationId: whistleResolved.eventId });
    await eventually(async () => {
      const { body } = await get('/api/notifications', await tokenOf('resident'));
      expect(body.notifications.map((n: { kind: string }) => n.kind)).toContain('resolved');
    });

    // The street evaluates both departments.
    for (const [departmentId, score] of [['dept-chengguan', 5], ['dept-jiaojing', 3]] as const) {
      const evaluated = await post(`${DISPATCH}/whistles/${whistleId}/evaluations`, officer, { departmentId, score, comment: departmentId === 'dept-jiaojing' ? '报到迟了' : '响应及时' });
      expect(evaluated.status).toBe(200);
    }

    // The scoreboard: check-in within deadline 1 of 2 departments (城管 100 %, 交警 0 %), two escalations for 交警.
    await eventually(async () => {
      const board = await get(`${DISPATCH}/scoreboard?month=2026-11&streetId=${STREET}`);
      const of = (departmentId: string) => board.body.departments.find((d: { departmentId: string }) => d.departmentId === departmentId);
      expect(board.body.departments).toHaveLength(2);
      expect(of('dept-chengguan')).toMatchObject({
        whistles: { summoned: 1, checkedIn: 1, checkInsMissed: 0, escalations: 0, averageMinutesToCheckIn: 4, checkedInWithinDeadlinePercent: 100, tasksCompleted: 1 },
        evaluations: { count: 1, averageScore: 5 },
      });
      expect(of('dept-jiaojing')).toMatchObject({
        whistles: { summoned: 1, checkedIn: 1, checkInsMissed: 1, escalations: 2, averageMinutesToCheckIn: 70, checkedInWithinDeadlinePercent: 0, tasksCompleted: 1 },
        evaluations: { count: 1, averageScore: 3 },
      });
      const departments = board.body.departments as { whistles: { checkedIn: number; checkedInWithinDeadlinePercent: number } }[];
      const withinDeadline = departments.filter((d) => d.whistles.checkedInWithinDeadlinePercent === 100).length;
      expect(`${withinDeadline} of ${departments.length}`).toBe('1 of 2');
    });

    // The reporter confirms and rates the fix: the loop closes (事事有回音，件件有着落).
    const reporter = await tokenOf('resident');
    expect((await post(`/api/cases/${caseId}/confirm`, reporter)).status).toBe(200);
    expect((await post(`/api/cases/${caseId}/evaluate`, reporter, { score: 5, comment: '摊位清走了，路口通了' })).body).toMatchObject({ status: 'Closed' });

    // Every event either service stored keeps its public contract.
    for (const service of ['grid-events', 'department-dispatch']) {
      for (const event of await store(service).readAll()) expect(publicEvents.parse(event)).toMatchObject({ kind: 'ok' });
    }
  });

  it('withdraws the department’s assignment when the street’s whistle resolves its case: out of its queue, not late on its scoreboard', async () => {
    const resident = await tokenOf('resident');
    const gridWorker = await tokenOf('grid_worker');
    const officer = await tokenOf('street_officer');
    const chengguan = await tokenOf('department_staff');
    const jiaojing = await tokenOf('jiaojing');

    // Dispatched to 城管, which acknowledges (签收) it; then it turns out 交警 is needed too, and the street whistles.
    const reported = await post('/api/cases', resident, { categoryCode: 'order.street-vending', description: '早市摊贩占道，车辆绕行堵塞', location: inHexie01 });
    const caseId: string = reported.body.caseId;
    expect((await post(`/api/cases/${caseId}/accept`, gridWorker)).status).toBe(200);
    expect((await post(`/api/cases/${caseId}/dispatch`, officer, { assigneeKind: 'department', departmentId: 'dept-chengguan' })).status).toBe(200);
    const inboxRow = () =>
      eventually(async () => {
        const { body } = await get(`${DISPATCH}/departments/dept-chengguan/assignments`, chengguan);
        const row = body.assignments.find((a: { caseId: string }) => a.caseId === caseId);
        expect(row).toBeDefined();
        return row;
      });
    const assignmentId: string = (await inboxRow()).assignmentId;
    expect(await post(`${DISPATCH}/assignments/${assignmentId}/acknowledge`, chengguan)).toMatchObject({ status: 200, body: { status: 'Acknowledged' } });
    await eventually(async () => expect((await get(`/api/cases/${caseId}`, officer)).body.status).toBe('Acknowledged'));

    expect((await post(`/api/cases/${caseId}/escalate`, officer, { departmentIds: ['dept-chengguan', 'dept-jiaojing'], note: null })).status).toBe(200);
    await eventually(async () => {
      const { body } = await get(`${DISPATCH}/streets/${STREET}/escalated-cases`, officer);
      expect(body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    });
    const blown = await post(`${DISPATCH}/streets/${STREET}/whistles`, officer, {
      title: '南京东路早市占道',
      description: '摊贩占道，车辆绕行',
      caseId,
      departmentIds: ['dept-chengguan', 'dept-jiaojing'],
      leadDepartmentId: 'dept-chengguan',
    });
    expect(blown.status).toBe(201);
    const whistleId: string = blown.body.whistleId;
    for (const token of [chengguan, jiaojing]) expect((await post(`${DISPATCH}/whistles/${whistleId}/check-in`, token)).status).toBe(200);
    await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, chengguan, { notes: '摊贩已劝离', photoIds: [] });
    expect((await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, jiaojing, { notes: '已疏导交通', photoIds: [] })).body.status).toBe('Resolved');
    await eventually(async () => expect((await get(`/api/cases/${caseId}`, officer)).body.status).toBe('Resolved'));

    // 城管's assignment leaves its queue as withdrawn, because of the case's resolution; its staff cannot work on it any more.
    await eventually(async () => expect(await inboxRow()).toMatchObject({ status: 'withdrawn', withdrawalReason: 'case_resolved', closedAt: expect.any(String) }));
    const caseResolved = (await store('grid-events').readStream(`case-${caseId}`)).events.find((e) => e.type === 'CaseResolved')!;
    const assignmentEvents = (await store('department-dispatch').readStream(`assignment-${assignmentId}`)).events;
    expect(assignmentEvents.map((e) => e.type)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentWithdrawn']);
    expect(assignmentEvents.at(-1)).toMatchObject({ causationId: caseResolved.eventId, data: { departmentId: 'dept-chengguan', reason: 'case_resolved' } });
    expect(await post(`${DISPATCH}/assignments/${assignmentId}/complete`, chengguan, { notes: '已处置' })).toMatchObject({
      status: 409,
      body: { code: 'ASSIGNMENT.ALREADY_WITHDRAWN' },
    });

    // The scoreboard: received and acknowledged, then withdrawn — neither completed nor counted against a deadline.
    await eventually(async () => {
      const board = await get(`${DISPATCH}/scoreboard?month=2026-11&streetId=${STREET}&departmentId=dept-chengguan`);
      expect(board.body.departments[0].assignments).toMatchObject({ received: 1, acknowledged: 1, completed: 0, completedWithinDeadlinePercent: null, withdrawn: 1 });
    });
  });

  it('gives a reopened case back to its department as a new assignment, whose completion resolves the case again', async () => {
    const resident = await tokenOf('resident');
    const gridWorker = await tokenOf('grid_worker');
    const officer = await tokenOf('street_officer');
    let jiaojing = await tokenOf('jiaojing');

    // Dispatched to 交警, which acknowledges and completes it: the case is resolved.
    const reported = await post('/api/cases', resident, { categoryCode: 'order.street-vending', description: '路口摊贩占道，影响通行', location: inHexie01 });
    const caseId: string = reported.body.caseId;
    expect((await post(`/api/cases/${caseId}/accept`, gridWorker)).status).toBe(200);
    expect((await post(`/api/cases/${caseId}/dispatch`, officer, { assigneeKind: 'department', departmentId: 'dept-jiaojing' })).status).toBe(200);
    const inbox = async () => (await get(`${DISPATCH}/departments/dept-jiaojing/assignments`, jiaojing)).body.assignments.filter((a: { caseId: string }) => a.caseId === caseId);
    const first = await eventually(async () => {
      const rows = await inbox();
      expect(rows).toHaveLength(1);
      return rows[0];
    });
    expect(first).toMatchObject({ status: 'created', reopenReason: null });
    expect((await post(`${DISPATCH}/assignments/${first.assignmentId}/acknowledge`, jiaojing)).status).toBe(200);
    expect((await post(`${DISPATCH}/assignments/${first.assignmentId}/complete`, jiaojing, { notes: '摊贩已劝离' })).status).toBe(200);
    const caseOf = async () => (await get(`/api/cases/${caseId}`, await tokenOf('street_officer'))).body;
    await eventually(async () => expect((await caseOf()).status).toBe('Resolved'));

    // Two hours later the resident reopens it: grid-events gives 交警 a new resolve-by time (24 h for street vending).
    app.clock.advance({ hours: 2 });
    const reopenedAt = app.clock.now().getTime();
    expect((await post(`/api/cases/${caseId}/reopen`, await tokenOf('resident'), { reason: '摊贩又回来了' })).status).toBe(200);
    const reopened = (await store('grid-events').readStream(`case-${caseId}`)).events.at(-1)!;
    const resolveBy = new Date(reopenedAt + 24 * 3_600_000).toISOString();
    expect(reopened).toMatchObject({ type: 'CaseReopened', data: { resolveBy } });

    // 交警's inbox shows a new open assignment for the case, with the resident's reason; the first stays completed.
    jiaojing = await tokenOf('jiaojing');
    const again = await eventually(async () => {
      const rows = await inbox();
      expect(rows).toHaveLength(2);
      return rows.find((a: { assignmentId: string }) => a.assignmentId !== first.assignmentId);
    });
    expect(again).toMatchObject({
      assignmentId: reopened.eventId,
      status: 'created',
      reopenReason: '摊贩又回来了',
      streetId: STREET,
      acknowledgeBy: new Date(reopenedAt + 3_600_000).toISOString(), // the category's hour to acknowledge, from the reopening
      resolveBy,
    });
    expect((await inbox()).find((a: { assignmentId: string }) => a.assignmentId === first.assignmentId)).toMatchObject({ status: 'completed' });
    expect((await get(`${DISPATCH}/assignments/${again.assignmentId}`, jiaojing)).body).toMatchObject({ status: 'Created', reopenReason: '摊贩又回来了' });

    // 交警 acknowledges and completes it: the case is resolved again, from that completion.
    app.clock.advance({ minutes: 30 });
    jiaojing = await tokenOf('jiaojing');
    expect((await post(`${DISPATCH}/assignments/${again.assignmentId}/acknowledge`, jiaojing)).status).toBe(200);
    const completed = await post(`${DISPATCH}/assignments/${again.assignmentId}/complete`, jiaojing, { notes: '已设置禁摆标志并清理' });
    expect(completed).toMatchObject({ status: 200, body: { status: 'Completed' } });
    const resolvedAgain = await eventually(async () => {
      const view = await caseOf();
      expect(view.status).toBe('Resolved');
      return view;
    });
    expect(resolvedAgain.resolutionNotes).toContain('已设置禁摆标志');
    expect(resolvedAgain.timeline.map((t: { type: string }) => t.type).slice(-2)).toEqual(['CaseReopened', 'CaseResolved']);
    const assignmentEvents = (await store('department-dispatch').readStream(`assignment-${again.assignmentId}`)).events;
    expect(assignmentEvents.map((e) => e.type)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentCompleted']);
    expect((await store('grid-events').readStream(`case-${caseId}`)).events.at(-1)).toMatchObject({ type: 'CaseResolved', causationId: assignmentEvents.at(-1)!.eventId });

    // The scoreboard counts it as a received assignment like any other; nothing was withdrawn.
    await eventually(async () => {
      const board = await get(`${DISPATCH}/scoreboard?month=2026-11&streetId=${STREET}&departmentId=dept-jiaojing`);
      expect(board.body.departments[0].assignments).toMatchObject({ received: 2, acknowledged: 2, completed: 2, withdrawn: 0 });
    });
  });
});
