import { publicEvents } from '@gongzhi/contracts';
import { InMemoryEventStore } from '@gongzhi/testing';
import { assignmentStreamId } from '../domain/assignment/assignment.decider';
import { CaseAssignment } from '../read-models/escalated-case.entity';
import { AssignmentView } from '../read-models/work-views.entity';
import { caseEvent, casePolicyRig, dispatched, resolved as resolvedAt, staffOf } from '../testing/case-policy-rig';

const accepted = (caseId: string) =>
  caseEvent(
    'CaseAccepted',
    {
      caseId,
      categoryCode: 'city.road.pothole',
      reporterId: 'resident-1',
      gridId: 'grid-hexie-01',
      communityId: 'community-hexie',
      streetId: 'street-nanjingdong',
    },
    '2026-11-26T08:30:00.000Z',
  );
// The rig's `dispatched` goes to a department at 09:00: one hour to acknowledge, two days to resolve.
const dispatchedToWorker = (caseId: string) =>
  caseEvent(
    'CaseDispatched',
    {
      caseId,
      categoryCode: 'city.road.pothole',
      assigneeKind: 'grid_worker',
      assigneeId: 'worker-1',
      departmentId: null,
      acknowledgeBy: '2026-11-26T12:00:00.000Z',
      resolveBy: '2026-11-28T11:00:00.000Z',
    },
    '2026-11-26T11:00:00.000Z',
  );
const resolved = (caseId: string) => resolvedAt(caseId, '2026-11-27T09:00:00.000Z');
// Reopened at 12:00 the next day, to be resolved within four hours.
const REOPENED_AT = '2026-11-27T12:00:00.000Z';
const reopened = (caseId: string, resolveBy: string | null | 'absent' = '2026-11-27T16:00:00.000Z') =>
  caseEvent('CaseReopened', { caseId, reason: '坑又塌了', ...(resolveBy === 'absent' ? {} : { resolveBy }) }, REOPENED_AT);

describe('policy: a reopened case goes back to the department that held it, as a new assignment', () => {
  const rig = casePolicyRig(() => new InMemoryEventStore());
  const { run, deliver, history, types, streams } = rig;
  beforeEach(() => rig.open());
  afterEach(() => rig.close());

  /** The department acknowledges and completes its assignment: grid-events resolves the case from that. */
  const completes = async (assignmentId: string, departmentId: string, now = '2026-11-26T10:00:00.000Z') => {
    await run(assignmentId, { type: 'AcknowledgeAssignment', data: {} }, staffOf(departmentId, now), departmentId);
    await run(
      assignmentId,
      { type: 'CompleteAssignment', data: { notes: '已修复', afterPhotoIds: [] } },
      staffOf(departmentId, now),
      departmentId,
    );
  };

  it('creates an open assignment for the department that completed the case, with the new resolve-by and the resident’s reason', async () => {
    const dispatch = dispatched('c-1', 'dept-chengguan');
    await deliver(accepted('c-1'), dispatch);
    await completes(dispatch.eventId, 'dept-chengguan');
    const reopening = reopened('c-1');
    await deliver(resolved('c-1'), reopening);

    const events = await history(reopening.eventId);
    expect(events.map((e) => e.type)).toEqual(['AssignmentCreated']);
    expect(events[0]).toMatchObject({
      data: {
        assignmentId: reopening.eventId,
        caseId: 'c-1',
        departmentId: 'dept-chengguan',
        categoryCode: 'city.road.pothole',
        streetId: 'street-nanjingdong',
        // The hour the dispatch gave to acknowledge, from the reopening.
        acknowledgeBy: '2026-11-27T13:00:00.000Z',
        resolveBy: '2026-11-27T16:00:00.000Z',
      },
      causationId: reopening.eventId,
      correlationId: 'corr-c-1',
      occurredAt: reopening.occurredAt,
    });
    expect(publicEvents.parse(events[0])).toMatchObject({ kind: 'ok' });
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentCompleted']);
    expect(await rig.dataSource.getRepository(CaseAssignment).findBy({ caseId: 'c-1' })).toEqual(
      expect.arrayContaining([
        { caseId: 'c-1', assignmentId: dispatch.eventId, reopenReason: null },
        { caseId: 'c-1', assignmentId: reopening.eventId, reopenReason: '坑又塌了' },
      ]),
    );

    // The department can work it like any other; a case closed before that withdraws it (it is recorded with the case).
    await run(
      reopening.eventId,
      { type: 'AcknowledgeAssignment', data: {} },
      staffOf('dept-chengguan', '2026-11-27T12:30:00.000Z'),
      'dept-chengguan',
    );
    await deliver(caseEvent('CaseClosed', { caseId: 'c-1', reason: 'confirmed' }, REOPENED_AT));
    expect(await types(reopening.eventId)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentWithdrawn']);
  });

  it('gives the department its case back after the street’s whistle resolved it and withdrew the assignment', async () => {
    const dispatch = dispatched('c-2', 'dept-zhujian');
    const reopening = reopened('c-2');
    await deliver(dispatch, resolved('c-2'), reopening);
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated', 'AssignmentWithdrawn']);
    expect((await history(reopening.eventId))[0]).toMatchObject({
      type: 'AssignmentCreated',
      data: { departmentId: 'dept-zhujian', streetId: null },
    });
  });

  it('creates it once, however often the reopening comes, and again on a second reopening', async () => {
    const dispatch = dispatched('c-3', 'dept-chengguan');
    await deliver(dispatch);
    await completes(dispatch.eventId, 'dept-chengguan');
    const reopening = reopened('c-3');
    await deliver(resolved('c-3'), reopening);
    // Past the inbox (a redelivery after a crash): the decider refuses a second creation, the policy moves on.
    await deliver(reopening);
    expect(await types(reopening.eventId)).toEqual(['AssignmentCreated']);
    expect(await streams()).toEqual([assignmentStreamId(dispatch.eventId), assignmentStreamId(reopening.eventId)]);
    expect(await rig.dataSource.getRepository(CaseAssignment).countBy({ caseId: 'c-3' })).toBe(2);

    await completes(reopening.eventId, 'dept-chengguan', '2026-11-27T13:00:00.000Z');
    const again = reopened('c-3', '2026-11-28T16:00:00.000Z');
    await deliver(resolved('c-3'), again);
    expect((await history(again.eventId))[0]).toMatchObject({
      data: { departmentId: 'dept-chengguan', resolveBy: '2026-11-28T16:00:00.000Z' },
    });
  });

  it('creates nothing when the reopened case has no assignee (resolveBy null) or predates resolve-by times (absent)', async () => {
    const dispatch = dispatched('c-4', 'dept-chengguan');
    await deliver(dispatch);
    await completes(dispatch.eventId, 'dept-chengguan');
    await deliver(resolved('c-4'), reopened('c-4', null), resolved('c-4'), reopened('c-4', 'absent'));
    expect(await streams()).toEqual([assignmentStreamId(dispatch.eventId)]);
    expect(await rig.dataSource.getRepository(CaseAssignment).countBy({ caseId: 'c-4' })).toBe(1);
  });

  it('creates nothing when the case last went to a grid worker, or its department gave it back', async () => {
    const first = dispatched('c-5', 'dept-chengguan');
    await deliver(first, dispatchedToWorker('c-5'), resolved('c-5'), reopened('c-5'));

    const declinedOne = dispatched('c-6', 'dept-chengguan');
    await deliver(declinedOne);
    await run(
      declinedOne.eventId,
      { type: 'DeclineAssignment', data: { kind: 'declined', reason: '不归城管', suggestedDepartmentId: null } },
      staffOf('dept-chengguan'),
      'dept-chengguan',
    );
    await deliver(
      caseEvent(
        'CaseAssignmentDeclined',
        { caseId: 'c-6', departmentId: 'dept-chengguan', reason: '不归城管', suggestedDepartmentId: null },
        '2026-11-26T09:30:00.000Z',
      ),
      resolved('c-6'),
      reopened('c-6'),
    );
    expect(await streams()).toEqual([assignmentStreamId(first.eventId), assignmentStreamId(declinedOne.eventId)]);
  });

  it('goes to the department the case was dispatched to last', async () => {
    const first = dispatched('c-7', 'dept-chengguan');
    const second = dispatched('c-7', 'dept-zhujian');
    const reopening = reopened('c-7');
    await deliver(first, second, resolved('c-7'), reopening);
    expect((await history(reopening.eventId))[0]).toMatchObject({ data: { departmentId: 'dept-zhujian' } });
  });

  it('never asks for an acknowledgement after the new resolve-by time', async () => {
    const dispatch = dispatched('c-8', 'dept-chengguan');
    const reopening = reopened('c-8', '2026-11-27T12:30:00.000Z');
    await deliver(dispatch, resolved('c-8'), reopening);
    expect((await history(reopening.eventId))[0]).toMatchObject({
      data: { acknowledgeBy: '2026-11-27T12:30:00.000Z', resolveBy: '2026-11-27T12:30:00.000Z' },
    });
  });

  it('finds the department of a case dispatched before the policy recorded who holds it from the department’s inbox', async () => {
    const view = (assignmentId: string, departmentId: string, status: string, withdrawalReason: string | null, createdAt: string) => ({
      assignmentId,
      caseId: 'c-9',
      departmentId,
      categoryCode: 'city.road.pothole',
      streetId: 'street-nanjingdong',
      status,
      createdAt,
      acknowledgeBy: new Date(Date.parse(createdAt) + 2 * 3_600_000).toISOString(),
      resolveBy: '2026-11-28T09:00:00.000Z',
      acknowledgedAt: null,
      closedAt: null,
      withdrawalReason,
    });
    const views = rig.dataSource.getRepository(AssignmentView);
    await views.save([
      view('a-old', 'dept-zhujian', 'withdrawn', 'case_redispatched', '2026-11-26T07:00:00.000Z'),
      view('a-new', 'dept-chengguan', 'completed', null, '2026-11-26T08:00:00.000Z'),
    ]);
    const reopening = reopened('c-9');
    await deliver(reopening);
    expect((await history(reopening.eventId))[0]).toMatchObject({
      data: { departmentId: 'dept-chengguan', acknowledgeBy: '2026-11-27T14:00:00.000Z' },
    });

    // The latest assignment withdrawn because the case went elsewhere (a grid worker): nobody's to take back.
    await views.save(view('a-newest', 'dept-chengguan', 'withdrawn', 'case_redispatched', '2026-11-26T09:00:00.000Z'));
    const later = reopened('c-9');
    await deliver(later);
    expect(await types(later.eventId)).toEqual([]);
  });
});
