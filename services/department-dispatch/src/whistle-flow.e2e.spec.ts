import { publicEvents } from '@gongzhi/contracts';
import { startTestApp, type TestApp, eventuallyPasses as eventually } from '@gongzhi/testing';
import { departmentDispatchService } from './index';
import { departmentsAnswer } from './queries/departments/departments.response';
import { departmentWhistlesAnswer, streetWhistlesAnswer, whistleAnswer } from './queries/work/work-queries.response';
import { dispatchRuntime, freshToken, seedExtraStaff } from './testing/dispatch-test-kit';

const API = '/api/department-dispatch';
const STREET = 'street-nanjingdong';

describe('the whistle over HTTP (吹哨报到): two departments, one late and escalated, joint handling, evaluation', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([departmentDispatchService]);
    await seedExtraStaff(app);
  });
  afterAll(() => app?.close());

  const store = () => app.platform.infrastructure.get('department-dispatch')!.eventStore;
  const whistleEvents = async (whistleId: string) => (await store().readStream(`whistle-${whistleId}`)).events;
  const pendingTimers = async () => (await dispatchRuntime(app).scheduler.pending()).map((t) => t.id);
  const fireTimers = () => dispatchRuntime(app).scheduler.fireDue();

  it('runs from the whistle to the evaluations, refusing bad input on the way without storing anything', async () => {
    let officer = await freshToken(app, 'street_officer');
    let chengguan = await freshToken(app, 'department_staff');
    let jiaojing = await freshToken(app, 'test-staff-jiaojing');
    const zhujian = await freshToken(app, 'test-staff-zhujian');

    // A whistle with no department, or with a lead that is not summoned, is bad input.
    const noDepartment = await app.request('POST', `${API}/streets/${STREET}/whistles`, {
      token: officer,
      body: { title: '占道经营', description: '夜市摊位占用消防通道', departmentIds: [], leadDepartmentId: 'dept-chengguan' },
    });
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: expect.arrayContaining([{ path: 'departmentIds', message: 'summon at least one department' }]),
    });
    const unknown = await app.request('POST', `${API}/streets/${STREET}/whistles`, {
      token: officer,
      body: { title: 't', description: 'd', departmentIds: ['dept-chengguan', 'dept-nobody'], leadDepartmentId: 'dept-chengguan' },
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'WHISTLE.UNKNOWN_DEPARTMENT', errors: [{ path: 'departmentIds.1' }] } });
    const otherStreet = await app.request('POST', `${API}/streets/street-waitan/whistles`, {
      token: officer,
      body: { title: 't', description: 'd', departmentIds: ['dept-chengguan'], leadDepartmentId: 'dept-chengguan' },
    });
    expect(otherStreet.status).toBe(403);
    const byStaff = await app.request('POST', `${API}/streets/${STREET}/whistles`, {
      token: chengguan,
      body: { title: 't', description: 'd', departmentIds: ['dept-chengguan'], leadDepartmentId: 'dept-chengguan' },
    });
    expect(byStaff.status).toBe(403);
    expect(await store().readAll()).toEqual([]);

    // 吹哨: 城管 leads, 交警 joins; check in within 30 minutes.
    const blown = await app.request('POST', `${API}/streets/${STREET}/whistles`, {
      token: officer,
      body: {
        title: '南京东路夜市占道经营',
        description: '夜市摊位占用消防通道，车辆乱停',
        caseId: 'case-77',
        categoryCode: 'order.street-vending',
        departmentIds: ['dept-chengguan', 'dept-jiaojing'],
        leadDepartmentId: 'dept-chengguan',
      },
    });
    expect(blown.status).toBe(201);
    const whistleId: string = blown.body.whistleId;
    expect(blown.body).toMatchObject({
      status: 'Summoned',
      checkInBy: '2026-11-26T09:30:00.000Z',
      escalationDelays: { district: 30, city: 60 },
    });

    // Done before check-in, a department not summoned, an evaluation before resolution: refused.
    const early = await app.request('POST', `${API}/whistles/${whistleId}/task/complete`, { token: jiaojing, body: { notes: '已处理' } });
    expect(early).toMatchObject({ status: 422, body: { code: 'WHISTLE.NOT_CHECKED_IN' } });
    const notSummoned = await app.request('POST', `${API}/whistles/${whistleId}/check-in`, { token: zhujian });
    expect(notSummoned).toMatchObject({ status: 422, body: { code: 'WHISTLE.NOT_SUMMONED' } });
    const tooSoon = await app.request('POST', `${API}/whistles/${whistleId}/evaluations`, {
      token: officer,
      body: { departmentId: 'dept-chengguan', score: 5 },
    });
    expect(tooSoon).toMatchObject({ status: 422, body: { code: 'WHISTLE.NOT_RESOLVED' } });

    // 城管 checks in at once; a second check-in is refused.
    app.clock.advance({ minutes: 4 });
    const checkedIn = await app.request('POST', `${API}/whistles/${whistleId}/check-in`, { token: chengguan });
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.departments[0]).toMatchObject({
      departmentId: 'dept-chengguan',
      lead: true,
      checkIn: { state: 'checked_in', withinDeadline: true },
    });
    const twice = await app.request('POST', `${API}/whistles/${whistleId}/check-in`, { token: chengguan });
    expect(twice).toMatchObject({ status: 409, body: { code: 'WHISTLE.ALREADY_CHECKED_IN' } });
    expect((await whistleEvents(whistleId)).map((e) => e.type)).toEqual(['WhistleBlown', 'DepartmentCheckedIn']);

    // 交警 misses the deadline: to the street at 09:30, to the district 30 minutes later.
    // The timers follow the events in the background: 城管's is cancelled once its check-in has been consumed.
    await eventually(async () => {
      const pending = await pendingTimers();
      expect(pending).toContain(`whistle-${whistleId}:dept-jiaojing:check-in:street`);
      expect(pending).not.toContain(`whistle-${whistleId}:dept-chengguan:check-in:street`);
    });
    app.clock.advance({ minutes: 27 }); // 09:31
    await fireTimers();
    await eventually(async () => expect(await pendingTimers()).toContain(`whistle-${whistleId}:dept-jiaojing:check-in:district`));
    app.clock.advance({ minutes: 30 }); // 10:01
    await fireTimers();
    await fireTimers(); // a timer fires once: nothing more happens
    const escalations = (await whistleEvents(whistleId)).filter((e) => e.type === 'WhistleEscalated' || e.type === 'CheckInMissed');
    expect(escalations.map((e) => [e.type, (e.data as { level?: string }).level ?? null])).toEqual([
      ['CheckInMissed', null],
      ['WhistleEscalated', 'street'],
      ['WhistleEscalated', 'district'],
    ]);
    expect(escalations[2].data).toMatchObject({
      departmentId: 'dept-jiaojing',
      escalatedTo: 'district-huangpu',
      nextEscalationAt: '2026-11-26T11:00:00.000Z',
    });

    // 交警 checks in late: the chain stops before the city.
    app.clock.advance({ minutes: 9 }); // 10:10
    jiaojing = await freshToken(app, 'test-staff-jiaojing');
    const late = await app.request('POST', `${API}/whistles/${whistleId}/check-in`, { token: jiaojing });
    expect(late.status).toBe(200);
    expect((await whistleEvents(whistleId)).at(-1)!.data).toMatchObject({
      departmentId: 'dept-jiaojing',
      withinDeadline: false,
      escalationLevel: 'district',
      minutesToCheckIn: 70,
    });
    await eventually(async () => expect(await pendingTimers()).not.toContain(`whistle-${whistleId}:dept-jiaojing:check-in:city`));
    app.clock.advance({ hours: 2 });
    await fireTimers();
    expect((await whistleEvents(whistleId)).filter((e) => e.type === 'WhistleEscalated')).toHaveLength(2);

    // Joint handling: both tasks done → resolved.
    chengguan = await freshToken(app, 'department_staff');
    jiaojing = await freshToken(app, 'test-staff-jiaojing');
    officer = await freshToken(app, 'street_officer');
    const first = await app.request('POST', `${API}/whistles/${whistleId}/task/complete`, {
      token: chengguan,
      body: { notes: '摊位已清理', photoIds: ['photo-1'] },
    });
    expect(first.body.status).toBe('Summoned');
    // Half done, as the board and the inbox read it: parsed with the schemas the OpenAPI document declares.
    const halfDone = whistleAnswer.parse((await app.request('GET', `${API}/whistles/${whistleId}`, { token: officer })).body);
    expect(halfDone.departments.map((d) => [d.departmentId, d.checkIn.state, d.task.state])).toEqual([
      ['dept-chengguan', 'checked_in', 'done'],
      ['dept-jiaojing', 'checked_in', 'open'],
    ]);
    await eventually(async () => {
      const summoned = departmentWhistlesAnswer.parse(
        (await app.request('GET', `${API}/departments/dept-chengguan/whistles`, { token: chengguan })).body,
      );
      expect(summoned.whistles).toEqual([expect.objectContaining({ whistleId, lead: true })]);
    });
    expect(
      departmentsAnswer.parse((await app.request('GET', `${API}/departments`, { token: officer })).body).departments.length,
    ).toBeGreaterThan(1);
    const last = await app.request('POST', `${API}/whistles/${whistleId}/task/complete`, {
      token: jiaojing,
      body: { notes: '已设禁停标志', photoIds: ['photo-2'] },
    });
    expect(last.body.status).toBe('Resolved');
    const resolved = (await whistleEvents(whistleId)).at(-1)!;
    expect(resolved).toMatchObject({
      type: 'WhistleResolved',
      data: { caseId: 'case-77', streetId: STREET, photoIds: ['photo-1', 'photo-2'] },
    });

    // The street and a resident evaluate each department; twice is refused.
    const resident = await freshToken(app, 'resident');
    for (const [token, departmentId, score] of [
      [officer, 'dept-chengguan', 5],
      [officer, 'dept-jiaojing', 3],
      [resident, 'dept-jiaojing', 4],
    ] as const) {
      const evaluated = await app.request('POST', `${API}/whistles/${whistleId}/evaluations`, {
        token,
        body: { departmentId, score, comment: '辛苦了' },
      });
      expect(evaluated.status).toBe(200);
    }
    const again = await app.request('POST', `${API}/whistles/${whistleId}/evaluations`, {
      token: officer,
      body: { departmentId: 'dept-jiaojing', score: 1 },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'WHISTLE.ALREADY_EVALUATED' } });
    const badScore = await app.request('POST', `${API}/whistles/${whistleId}/evaluations`, {
      token: resident,
      body: { departmentId: 'dept-chengguan', score: 6 },
    });
    expect(badScore).toMatchObject({ status: 400, body: { errors: [{ path: 'score', message: 'to 5' }] } });

    // Every stored event keeps its public contract.
    const all = await store().readAll();
    for (const event of all) expect(publicEvents.parse(event)).toMatchObject({ kind: 'ok' });

    // The scoreboard and the street's board follow.
    await eventually(async () => {
      const board = await app.request('GET', `${API}/scoreboard?month=2026-11&streetId=${STREET}`);
      const jiaojingScore = board.body.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-jiaojing');
      expect(jiaojingScore).toMatchObject({
        whistles: {
          summoned: 1,
          checkedIn: 1,
          checkInsMissed: 1,
          escalations: 2,
          averageMinutesToCheckIn: 70,
          checkedInWithinDeadlinePercent: 0,
          tasksCompleted: 1,
        },
        evaluations: { count: 2, averageScore: 3.5 },
      });
      expect(board.body.departments.find((d: { departmentId: string }) => d.departmentId === 'dept-chengguan')).toMatchObject({
        whistles: { averageMinutesToCheckIn: 4, checkedInWithinDeadlinePercent: 100, tasksWithinDeadlinePercent: 100 },
        evaluations: { averageScore: 5 },
      });
    });
    const streetBoard = await app.request('GET', `${API}/streets/${STREET}/whistles`, { token: officer });
    expect(streetBoard.body.whistles).toEqual([expect.objectContaining({ whistleId, status: 'resolved', caseId: 'case-77' })]);
    streetWhistlesAnswer.parse(streetBoard.body);
    const inbox = await app.request('GET', `${API}/departments/dept-jiaojing/whistles`, { token: chengguan });
    expect(inbox.status).toBe(403);
  });
});
