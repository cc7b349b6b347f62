import { startTestApp, type TestApp, eventuallyPasses as eventually } from '@gongzhi/testing';
import { departmentDispatchService } from './index';
import { DISPATCHED_AT, departmentDispatch } from './testing/case-policy-rig';
import { dispatchRuntime, freshToken, gridEvent, seedExtraStaff } from './testing/dispatch-test-kit';
import { assignmentsAnswer } from './queries/work/work-queries.response';

const API = '/api/department-dispatch';

describe('assignments: created by the policy from grid-events, worked by the department over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([departmentDispatchService]);
    await seedExtraStaff(app);
  });
  afterAll(() => app?.close());

  const infrastructure = () => app.platform.infrastructure.get('department-dispatch')!;
  /** Delivers grid-events' events to the policy as the bus does: through the inbox, in one transaction. */
  const deliver = (...events: ReturnType<typeof gridEvent>[]) =>
    infrastructure().state.processBatch(dispatchRuntime(app).policy.name, events, (e, m) => dispatchRuntime(app).policy.handle(e, m));
  const reported = (caseId: string) =>
    gridEvent(
      'CaseReported',
      {
        caseId,
        categoryCode: 'city.road.pothole',
        description: '路面坑洼',
        location: { lat: 31.235, long: 121.48 },
        address: null,
        gridId: 'grid-hexie-01',
        communityId: 'community-hexie',
        streetId: 'street-nanjingdong',
        reporterId: null,
        anonymous: true,
        photoIds: [],
        reportedVia: 'resident',
      },
      '2026-11-26T08:00:00.000Z',
    );
  /** Acknowledge by 10:00, resolve by 2026-11-28T09:00 (departmentDispatch); the case's second event, uncorrelated. */
  const dispatched = (caseId: string, departmentId = 'dept-chengguan') =>
    gridEvent('CaseDispatched', departmentDispatch(caseId, departmentId), DISPATCHED_AT, 2);

  it('a case dispatched to a department becomes its assignment once, however often the event comes', async () => {
    const dispatch = dispatched('case-1');
    await deliver(reported('case-1'), dispatch);
    await deliver(dispatch); // redelivered: the inbox drops it
    await dispatchRuntime(app).policy.handle(dispatch, infrastructure().dataSource.manager); // past the inbox: the decider refuses a second creation
    await deliver(
      gridEvent(
        'CaseDispatched',
        { ...dispatched('case-x').data, assigneeKind: 'grid_worker', assigneeId: 'w-1', departmentId: null },
        '2026-11-26T09:00:00.000Z',
      ),
    );

    const { events } = await infrastructure().eventStore.readStream(`assignment-${dispatch.eventId}`);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'AssignmentCreated',
        {
          assignmentId: dispatch.eventId,
          caseId: 'case-1',
          departmentId: 'dept-chengguan',
          categoryCode: 'city.road.pothole',
          streetId: 'street-nanjingdong',
          acknowledgeBy: '2026-11-26T10:00:00.000Z',
          resolveBy: '2026-11-28T09:00:00.000Z',
        },
      ],
    ]);
    expect((await infrastructure().eventStore.readAll()).map((e) => e.type)).toEqual(['AssignmentCreated']);
  });

  it('the department acknowledges, reports progress and completes; other departments cannot touch it', async () => {
    const dispatch = dispatched('case-2');
    await deliver(reported('case-2'), dispatch);
    const id = dispatch.eventId;
    const staff = await freshToken(app, 'department_staff');
    const otherStaff = await freshToken(app, 'test-staff-jiaojing');

    const inbox = await eventually(async () => {
      const response = await app.request('GET', `${API}/departments/dept-chengguan/assignments`, { token: staff });
      expect(response.body.assignments).toEqual(
        expect.arrayContaining([expect.objectContaining({ assignmentId: id, status: 'created', streetId: 'street-nanjingdong' })]),
      );
      return response;
    });
    expect(inbox.status).toBe(200);
    // Parsed with the schema the OpenAPI document (and so the web app's types) declares.
    assignmentsAnswer.parse(inbox.body);
    expect((await app.request('GET', `${API}/departments/dept-chengguan/assignments`, { token: otherStaff })).status).toBe(403);
    expect(await app.request('POST', `${API}/assignments/${id}/acknowledge`, { token: otherStaff })).toMatchObject({
      status: 403,
      body: { code: 'ASSIGNMENT.FORBIDDEN' },
    });
    expect(await app.request('POST', `${API}/assignments/${id}/complete`, { token: staff, body: { notes: '已修复' } })).toMatchObject({
      status: 422,
      body: { code: 'ASSIGNMENT.NOT_ACKNOWLEDGED' },
    });

    expect(await app.request('POST', `${API}/assignments/${id}/acknowledge`, { token: staff })).toMatchObject({
      status: 200,
      body: { status: 'Acknowledged' },
    });
    expect(await app.request('POST', `${API}/assignments/${id}/acknowledge`, { token: staff })).toMatchObject({ status: 409 });
    expect((await app.request('POST', `${API}/assignments/${id}/progress`, { token: staff, body: { note: '' } })).body).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [{ path: 'note', message: 'required' }],
    });
    expect(
      (await app.request('POST', `${API}/assignments/${id}/progress`, { token: staff, body: { note: '已到场', photoIds: ['p-1'] } }))
        .status,
    ).toBe(200);
    const done = await app.request('POST', `${API}/assignments/${id}/complete`, {
      token: staff,
      body: { notes: '已修复', afterPhotoIds: ['p-2'] },
    });
    expect(done).toMatchObject({ status: 200, body: { status: 'Completed' } });

    const { events } = await infrastructure().eventStore.readStream(`assignment-${id}`);
    expect(events.map((e) => e.type)).toEqual([
      'AssignmentCreated',
      'AssignmentAcknowledged',
      'AssignmentProgressReported',
      'AssignmentCompleted',
    ]);
    expect(events[3].data).toMatchObject({ caseId: 'case-2', notes: '已修复', afterPhotoIds: ['p-2'], withinDeadline: true });
  });

  it('a department gives a case back to the street with a reason (decline, or ask for reassignment)', async () => {
    const first = dispatched('case-3');
    const second = dispatched('case-4');
    await deliver(first, second);
    const staff = await freshToken(app, 'department_staff');
    const declined = await app.request('POST', `${API}/assignments/${first.eventId}/decline`, {
      token: staff,
      body: { reason: '属交警职责', suggestedDepartmentId: 'dept-jiaojing' },
    });
    expect(declined).toMatchObject({ status: 200, body: { status: 'Declined' } });
    const noReason = await app.request('POST', `${API}/assignments/${second.eventId}/request-reassignment`, {
      token: staff,
      body: { reason: '需住建处理' },
    });
    expect(noReason).toMatchObject({ status: 400, body: { errors: [{ path: 'suggestedDepartmentId' }] } });
    expect(
      (
        await app.request('POST', `${API}/assignments/${second.eventId}/request-reassignment`, {
          token: staff,
          body: { reason: '需住建处理', suggestedDepartmentId: 'dept-zhujian' },
        })
      ).status,
    ).toBe(200);
    const { events } = await infrastructure().eventStore.readStream(`assignment-${second.eventId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'AssignmentDeclined',
      data: { caseId: 'case-4', kind: 'reassignment_requested', suggestedDepartmentId: 'dept-zhujian' },
    });
  });

  it('an escalated case lands on the street’s list, and only that street may whistle on it', async () => {
    await deliver(
      gridEvent(
        'CaseEscalated',
        {
          caseId: 'case-9',
          reason: 'cross_department',
          note: '需多部门',
          streetId: 'street-waitan',
          departmentIds: ['dept-chengguan', 'dept-jiaojing'],
        },
        '2026-11-26T09:00:00.000Z',
        3,
      ),
    );
    const officer = await freshToken(app, 'street_officer');
    const blown = await app.request('POST', `${API}/streets/street-nanjingdong/whistles`, {
      token: officer,
      body: { title: 't', description: 'd', caseId: 'case-9', departmentIds: ['dept-chengguan'], leadDepartmentId: 'dept-chengguan' },
    });
    expect(blown).toMatchObject({ status: 403, body: { code: 'WHISTLE.FORBIDDEN', errors: [{ path: 'caseId' }] } });
    const list = await app.request('GET', `${API}/streets/street-waitan/escalated-cases`, { token: officer });
    expect(list.status).toBe(403);
  });
});
