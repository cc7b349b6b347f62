import { publicEvents } from '@gongzhi/contracts';
import { departmentDispatchService } from '@gongzhi/department-dispatch';
import { gridEventsService } from '@gongzhi/grid-events';
import { DEMO_CLIENTS } from '@gongzhi/identity';
import { eventuallyPasses as eventually, startTestApp, type TestApp, TINY_PNG } from '@gongzhi/testing';
import { clientAccessToken } from './testing/client-credentials';

// Issue #19, item 2: a department's own system works its department's assignments and whistles with a
// client-credentials token — the same commands and rules as its staff, every event naming the machine.

const DISPATCH = '/api/department-dispatch';
const STREET = 'street-nanjingdong';
const inHexie01 = { lat: 31.2385, long: 121.4778 };
const demoSystem = DEMO_CLIENTS.find((c) => c.clientId === 'demo-department-system')!;
const CHENGGUAN_SYSTEM = { clientId: demoSystem.clientId, secret: demoSystem.secret };
const MACHINE_ACTOR = { id: 'demo-department-system', kind: 'service' };

describe('a department system (client credentials) on its own work', () => {
  let app: TestApp;
  let jiaojingSystem: { clientId: string; secret: string };

  beforeAll(async () => {
    app = await startTestApp([gridEventsService, departmentDispatchService]);
    const registered = await app.request('POST', '/api/auth/clients', {
      token: await app.tokenFor('admin'),
      body: { clientId: 'jiaojing-system', displayName: '区交警支队业务系统', kind: 'department_system', departmentId: 'dept-jiaojing' },
    });
    jiaojingSystem = { clientId: 'jiaojing-system', secret: registered.body.clientSecret };
  });
  afterAll(() => app?.close());

  /** Tokens last 15 minutes of the test's clock; people and machines alike ask again after it moves. */
  const people = (role: 'resident' | 'grid_worker' | 'street_officer') => {
    const username = `demo-${role.replace('_', '-')}`;
    return app.login(username, `${username}-2026`);
  };
  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const get = (path: string, token: string) => app.request('GET', path, { token });
  const store = (service: string) => app.platform.infrastructure.get(service)!.eventStore;

  async function acceptedCase(description: string): Promise<string> {
    const reported = await post('/api/cases', await people('resident'), { categoryCode: 'order.street-vending', description, location: inHexie01 });
    expect(reported.status).toBe(201);
    expect((await post(`/api/cases/${reported.body.caseId}/accept`, await people('grid_worker'))).status).toBe(200);
    return reported.body.caseId;
  }

  it('answers a whistle from start to end: the street blows it, the system checks in and reports completion, the case resolves, the events name the system', async () => {
    const caseId = await acceptedCase('夜市摊位占用消防通道');
    const officer = await people('street_officer');
    const blown = await post(`${DISPATCH}/streets/${STREET}/whistles`, officer, {
      title: '南京东路夜市占道经营',
      description: '夜市摊位占用消防通道',
      caseId,
      departmentIds: ['dept-chengguan'],
      leadDepartmentId: 'dept-chengguan',
    });
    expect(blown.status).toBe(201);
    const whistleId: string = blown.body.whistleId;

    // The system polls its department's summons, as its own duty screen would.
    const system = await clientAccessToken(app.url, CHENGGUAN_SYSTEM);
    await eventually(async () => {
      const { body } = await get(`${DISPATCH}/departments/dept-chengguan/whistles`, system);
      expect(body.whistles.map((w: { whistleId: string }) => w.whistleId)).toContain(whistleId);
    });

    // Another department's system may not read 城管's summons (403); it checks in only for its own department, which was not summoned.
    const jiaojing = await clientAccessToken(app.url, jiaojingSystem);
    expect((await get(`${DISPATCH}/departments/dept-chengguan/whistles`, jiaojing)).status).toBe(403);
    expect(await post(`${DISPATCH}/whistles/${whistleId}/check-in`, jiaojing)).toMatchObject({ status: 422, body: { code: 'WHISTLE.NOT_SUMMONED' } });

    app.clock.advance({ minutes: 6 });
    const checkedIn = await post(`${DISPATCH}/whistles/${whistleId}/check-in`, system);
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.departments[0]).toMatchObject({ departmentId: 'dept-chengguan', checkIn: { state: 'checked_in', withinDeadline: true } });
    expect((await post(`${DISPATCH}/whistles/${whistleId}/check-in`, system)).status).toBe(409);
    expect(await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, jiaojing, { notes: '冒名完成' })).toMatchObject({ status: 422, body: { code: 'WHISTLE.NOT_SUMMONED' } });

    app.clock.advance({ hours: 1 });
    const fresh = await clientAccessToken(app.url, CHENGGUAN_SYSTEM);
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(TINY_PNG)]), 'after.png');
    const uploaded = await fetch(`${app.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${fresh}` }, body: form });
    expect(uploaded.status).toBe(201);
    const photoId = ((await uploaded.json()) as { photoId: string }).photoId;
    const done = await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, fresh, { notes: '摊位已清理，消防通道已恢复', photoIds: [photoId] });
    expect(done).toMatchObject({ status: 200, body: { status: 'Resolved' } });
    const photoEvents = (await store('grid-events').readStream(`photo-${photoId}`)).events;
    expect(photoEvents).toEqual([expect.objectContaining({ type: 'StaffPhotoUploaded', actor: expect.objectContaining(MACHINE_ACTOR) })]);

    const whistleEvents = (await store('department-dispatch').readStream(`whistle-${whistleId}`)).events;
    const byMachine = whistleEvents.filter((e) => ['DepartmentCheckedIn', 'WhistleTaskCompleted', 'WhistleResolved'].includes(e.type));
    expect(byMachine.map((e) => e.type)).toEqual(['DepartmentCheckedIn', 'WhistleTaskCompleted', 'WhistleResolved']);
    for (const event of byMachine) expect(event.actor).toMatchObject(MACHINE_ACTOR);
    for (const event of byMachine) expect(publicEvents.parse(event)).toMatchObject({ kind: 'ok' });

    const caseView = await eventually(async () => {
      const view = await get(`/api/cases/${caseId}`, await people('street_officer'));
      expect(view.body.status).toBe('Resolved');
      return view.body;
    });
    expect(caseView.resolutionNotes).toContain('摊位已清理');
    expect(caseView.afterPhotoIds).toEqual([photoId]);
    const caseResolved = (await store('grid-events').readStream(`case-${caseId}`)).events.at(-1)!;
    expect(caseResolved).toMatchObject({ type: 'CaseResolved', causationId: byMachine.at(-1)!.eventId });
  });

  it('works an assignment: lists it, acknowledges, reports progress and completion; declines another with a reason; another department’s system is refused', async () => {
    const officer = await people('street_officer');
    const [first, second] = [await acceptedCase('路口摊贩占道'), await acceptedCase('人行道堆放杂物')];
    for (const caseId of [first, second]) {
      expect((await post(`/api/cases/${caseId}/dispatch`, officer, { assigneeKind: 'department', departmentId: 'dept-chengguan' })).status).toBe(200);
    }
    const system = await clientAccessToken(app.url, CHENGGUAN_SYSTEM);
    const inbox = await eventually(async () => {
      const { status, body } = await get(`${DISPATCH}/departments/dept-chengguan/assignments`, system);
      expect(status).toBe(200);
      const rows = body.assignments.filter((a: { caseId: string }) => a.caseId === first || a.caseId === second);
      expect(rows).toHaveLength(2);
      return rows as { caseId: string; assignmentId: string }[];
    });
    const assignmentOf = (caseId: string) => inbox.find((a) => a.caseId === caseId)!.assignmentId;

    const jiaojing = await clientAccessToken(app.url, jiaojingSystem);
    expect((await get(`${DISPATCH}/departments/dept-chengguan/assignments`, jiaojing)).status).toBe(403);
    expect(await post(`${DISPATCH}/assignments/${assignmentOf(first)}/acknowledge`, jiaojing)).toMatchObject({ status: 403, body: { code: 'ASSIGNMENT.FORBIDDEN' } });

    const assignment = `${DISPATCH}/assignments/${assignmentOf(first)}`;
    expect(await post(`${assignment}/acknowledge`, system)).toMatchObject({ status: 200, body: { status: 'Acknowledged' } });
    expect((await post(`${assignment}/progress`, system, { note: '已到场劝离' })).status).toBe(200);
    expect(await post(`${assignment}/complete`, system, { notes: '摊贩已劝离，路口畅通' })).toMatchObject({ status: 200, body: { status: 'Completed' } });
    await eventually(async () => expect((await get(`/api/cases/${first}`, await people('street_officer'))).body.status).toBe('Resolved'));

    const declined = await post(`${DISPATCH}/assignments/${assignmentOf(second)}/decline`, system, { reason: '属于物业管理范围，非城管职责' });
    expect(declined.status).toBe(200);
    expect((await post(`${DISPATCH}/assignments/${assignmentOf(second)}/decline`, system, { reason: '' })).status).toBe(400);

    const events = [
      ...(await store('department-dispatch').readStream(`assignment-${assignmentOf(first)}`)).events,
      ...(await store('department-dispatch').readStream(`assignment-${assignmentOf(second)}`)).events,
    ].filter((e) => e.type !== 'AssignmentCreated');
    expect(events.map((e) => e.type)).toEqual(['AssignmentAcknowledged', 'AssignmentProgressReported', 'AssignmentCompleted', 'AssignmentDeclined']);
    for (const event of events) expect(event.actor).toMatchObject(MACHINE_ACTOR);
    expect(events.at(-1)).toMatchObject({ data: { reason: '属于物业管理范围，非城管职责' } });
  });
});
