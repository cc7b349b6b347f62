import { publicEvents } from '@gongzhi/contracts';
import { InMemoryEventStore } from '@gongzhi/testing';
import { CaseAssignment } from '../read-models/escalated-case.entity';
import { AssignmentView } from '../read-models/work-views.entity';
import { caseEvent, casePolicyRig, dispatched, resolved, staffOf } from '../testing/case-policy-rig';

const closed = (caseId: string) => caseEvent('CaseClosed', { caseId, reason: 'confirmed' });

describe('policy: withdraw the department’s assignment when its case ends another way', () => {
  const rig = casePolicyRig(() => new InMemoryEventStore());
  const { run, deliver, history, types } = rig;
  beforeEach(() => rig.open());
  afterEach(() => rig.close());

  it('withdraws the open assignment of a case resolved through the street’s whistle, caused by that resolution', async () => {
    const dispatch = dispatched('c-1', 'dept-chengguan');
    const resolution = resolved('c-1');
    await deliver(dispatch, resolution);

    const events = await history(dispatch.eventId);
    expect(events.map((e) => e.type)).toEqual(['AssignmentCreated', 'AssignmentWithdrawn']);
    expect(events[1]).toMatchObject({
      data: { assignmentId: dispatch.eventId, caseId: 'c-1', departmentId: 'dept-chengguan', reason: 'case_resolved' },
      causationId: resolution.eventId,
      correlationId: 'corr-c-1',
      occurredAt: resolution.occurredAt,
    });
    expect(publicEvents.parse(events[1])).toMatchObject({ kind: 'ok' });
  });

  it('leaves an assignment the department completed itself alone when its CaseResolved comes back, and any later end of the case', async () => {
    const dispatch = dispatched('c-2', 'dept-chengguan');
    await deliver(dispatch);
    await run(dispatch.eventId, { type: 'AcknowledgeAssignment', data: {} }, staffOf('dept-chengguan'), 'dept-chengguan');
    await run(
      dispatch.eventId,
      { type: 'CompleteAssignment', data: { notes: '已修复', afterPhotoIds: [] } },
      staffOf('dept-chengguan'),
      'dept-chengguan',
    );

    await expect(deliver(resolved('c-2'), closed('c-2'))).resolves.toBeUndefined();
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentCompleted']);
  });

  it('withdraws once, however often the case’s end comes or follows', async () => {
    const dispatch = dispatched('c-3', 'dept-chengguan');
    const resolution = resolved('c-3');
    await deliver(dispatch, resolution);
    // Past the inbox (a redelivery after a crash), and the case's closing after it: the decider refuses, the policy moves on.
    await deliver(resolution, closed('c-3'));
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated', 'AssignmentWithdrawn']);
  });

  it('withdraws the earlier department’s assignment when the case is dispatched to another, and keeps the new one', async () => {
    const first = dispatched('c-4', 'dept-chengguan');
    const second = dispatched('c-4', 'dept-zhujian');
    await deliver(first);
    await run(first.eventId, { type: 'AcknowledgeAssignment', data: {} }, staffOf('dept-chengguan'), 'dept-chengguan');
    await deliver(second);

    expect(await types(first.eventId)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentWithdrawn']);
    expect((await history(first.eventId)).at(-1)!.data).toMatchObject({ reason: 'case_redispatched' });
    expect(await types(second.eventId)).toEqual(['AssignmentCreated']);
  });

  it('withdraws an assignment known only from the department’s inbox (created before the policy recorded its cases)', async () => {
    const dispatch = dispatched('c-5', 'dept-chengguan');
    await deliver(dispatch);
    await rig.dataSource.getRepository(CaseAssignment).delete({ caseId: 'c-5' });
    await rig.dataSource.getRepository(AssignmentView).save({
      assignmentId: dispatch.eventId,
      caseId: 'c-5',
      departmentId: 'dept-chengguan',
      categoryCode: 'city.road.pothole',
      streetId: null,
      status: 'created',
      createdAt: dispatch.occurredAt,
      acknowledgeBy: '2026-11-26T10:00:00.000Z',
      resolveBy: '2026-11-28T09:00:00.000Z',
      acknowledgedAt: null,
      closedAt: null,
      withdrawalReason: null,
    });
    await deliver(closed('c-5'));
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated', 'AssignmentWithdrawn']);
  });

  it('keeps the assignment open while the case goes on: escalated, overdue or reopened', async () => {
    const dispatch = dispatched('c-6', 'dept-chengguan');
    const overdue = {
      caseId: 'c-6',
      assigneeKind: 'department',
      assigneeId: 'dept-chengguan',
      departmentId: 'dept-chengguan',
      dueAt: '2026-11-26T10:00:00.000Z',
    };
    await deliver(
      dispatch,
      caseEvent('CaseAcknowledgeOverdue', overdue),
      caseEvent('CaseEscalated', {
        caseId: 'c-6',
        reason: 'acknowledge_overdue',
        note: null,
        streetId: 'street-nanjingdong',
        departmentIds: ['dept-chengguan'],
      }),
      caseEvent('CaseReopened', { caseId: 'c-6', reason: '还没修好' }),
    );
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated']);
  });
});
