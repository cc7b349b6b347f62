import { DataSource } from 'typeorm';
import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { handleCommand, uuidv7, type CommandMetadata } from '@gongzhi/eventsourcing';
import { InMemoryEventStore } from '@gongzhi/testing';
import type { AssignmentCommand } from '../domain/assignment/assignment.commands';
import { assignmentDecider, assignmentStreamId } from '../domain/assignment/assignment.decider';
import { CaseAssignee, CaseAssignment, CasePlace, EscalatedCase } from '../read-models/escalated-case.entity';
import { AssignmentView } from '../read-models/work-views.entity';
import { caseDispatchPolicy } from './create-assignment-when-case-dispatched.policy';

const staffOf = (departmentId: string) => ({ actor: { id: `staff-of-${departmentId}`, kind: 'user' as const }, now: new Date('2026-11-26T10:00:00.000Z') });

function gridEvent(type: string, data: Record<string, unknown>, occurredAt = '2026-11-26T12:00:00.000Z'): PublicEvent {
  const parsed = publicEvents.parse({
    eventId: uuidv7(),
    type,
    schemaVersion: publicEvents.latestVersion(type) ?? 1,
    streamId: `case-${data['caseId']}`,
    streamVersion: 1,
    occurredAt,
    correlationId: `corr-${data['caseId']}`,
    data,
  });
  if (parsed.kind !== 'ok') throw new Error(`not a valid ${type}: ${JSON.stringify(parsed)}`);
  return parsed.event;
}

const dispatched = (caseId: string, departmentId: string) =>
  gridEvent(
    'CaseDispatched',
    {
      caseId,
      categoryCode: 'city.road.pothole',
      assigneeKind: 'department',
      assigneeId: departmentId,
      departmentId,
      acknowledgeBy: '2026-11-26T10:00:00.000Z',
      resolveBy: '2026-11-28T09:00:00.000Z',
    },
    '2026-11-26T09:00:00.000Z',
  );
const resolved = (caseId: string) => gridEvent('CaseResolved', { caseId, notes: '已处置', afterPhotoIds: [], autoCloseAt: '2026-11-29T12:00:00.000Z' });
const closed = (caseId: string) => gridEvent('CaseClosed', { caseId, reason: 'confirmed' });

describe('policy: withdraw the department’s assignment when its case ends another way', () => {
  let dataSource: DataSource;
  let store: InMemoryEventStore;

  beforeEach(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [CasePlace, EscalatedCase, CaseAssignment, CaseAssignee, AssignmentView],
      synchronize: true,
    }).initialize();
    store = new InMemoryEventStore();
  });
  afterEach(() => dataSource.destroy());

  const run = (assignmentId: string, command: AssignmentCommand, metadata: CommandMetadata, actorDepartmentId?: string) =>
    handleCommand(store, assignmentDecider, assignmentStreamId(assignmentId), command, metadata, { actorDepartmentId });
  const policy = () => caseDispatchPolicy((assignmentId, command, metadata) => run(assignmentId, command, metadata));
  /** As the bus delivers: one event in one transaction. */
  const deliver = async (...events: PublicEvent[]) => {
    for (const event of events) await dataSource.transaction((manager) => policy().handle(event, manager));
  };
  const history = async (assignmentId: string) => (await store.readStream(assignmentStreamId(assignmentId))).events;
  const types = async (assignmentId: string) => (await history(assignmentId)).map((e) => e.type);

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
    await run(dispatch.eventId, { type: 'AcknowledgeAssignment' }, staffOf('dept-chengguan'), 'dept-chengguan');
    await run(dispatch.eventId, { type: 'CompleteAssignment', notes: '已修复', afterPhotoIds: [] }, staffOf('dept-chengguan'), 'dept-chengguan');

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
    await run(first.eventId, { type: 'AcknowledgeAssignment' }, staffOf('dept-chengguan'), 'dept-chengguan');
    await deliver(second);

    expect(await types(first.eventId)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'AssignmentWithdrawn']);
    expect((await history(first.eventId)).at(-1)!.data).toMatchObject({ reason: 'case_redispatched' });
    expect(await types(second.eventId)).toEqual(['AssignmentCreated']);
  });

  it('withdraws an assignment known only from the department’s inbox (created before the policy recorded its cases)', async () => {
    const dispatch = dispatched('c-5', 'dept-chengguan');
    await deliver(dispatch);
    await dataSource.getRepository(CaseAssignment).delete({ caseId: 'c-5' });
    await dataSource.getRepository(AssignmentView).save({
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
    const overdue = { caseId: 'c-6', assigneeKind: 'department', assigneeId: 'dept-chengguan', departmentId: 'dept-chengguan', dueAt: '2026-11-26T10:00:00.000Z' };
    await deliver(
      dispatch,
      gridEvent('CaseAcknowledgeOverdue', overdue),
      gridEvent('CaseEscalated', { caseId: 'c-6', reason: 'acknowledge_overdue', note: null, streetId: 'street-nanjingdong', departmentIds: ['dept-chengguan'] }),
      gridEvent('CaseReopened', { caseId: 'c-6', reason: '还没修好' }),
    );
    expect(await types(dispatch.eventId)).toEqual(['AssignmentCreated']);
  });
});
