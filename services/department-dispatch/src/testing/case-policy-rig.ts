import { type DataSource } from 'typeorm';
import type { PublicEvent } from '@gongzhi/contracts';
import { handleCommand, type CommandMetadata, type EventStore } from '@gongzhi/eventsourcing';
import type { AssignmentCommand } from '../domain/assignment/assignment.commands';
import { assignmentDecider, assignmentStreamId } from '../domain/assignment/assignment.decider';
import { caseDispatchPolicy } from '../policies/create-assignment-when-case-dispatched.policy';
import { CaseAssignee, CaseAssignment, CasePlace, EscalatedCase } from '../read-models/escalated-case.entity';
import { AssignmentView } from '../read-models/work-views.entity';
import { gridEvent } from './dispatch-test-kit';
import { platformDataSource } from '@gongzhi/persistence';

/** A department's staff member, as command metadata (at 10:00 on the day of dispatch unless told). */
export const staffOf = (departmentId: string, now = '2026-11-26T10:00:00.000Z') => ({
  actor: { id: `staff-of-${departmentId}`, kind: 'user' as const },
  now: new Date(now),
});

/** A grid-events event of one case as the policy gets it: correlated by the case (`corr-<caseId>`), at noon on the day of dispatch unless told. */
export const caseEvent = (type: string, data: Record<string, unknown>, occurredAt = '2026-11-26T12:00:00.000Z'): PublicEvent =>
  gridEvent(type, data, occurredAt, 1, `corr-${data['caseId']}`);

/** When `dispatched` dispatches. */
export const DISPATCHED_AT = '2026-11-26T09:00:00.000Z';
/** The data of a CaseDispatched to a department at DISPATCHED_AT: one hour to acknowledge, two days to resolve. */
export const departmentDispatch = (caseId: string, departmentId: string) => ({
  caseId,
  categoryCode: 'city.road.pothole',
  assigneeKind: 'department',
  assigneeId: departmentId,
  departmentId,
  acknowledgeBy: '2026-11-26T10:00:00.000Z',
  resolveBy: '2026-11-28T09:00:00.000Z',
});
export const dispatched = (caseId: string, departmentId: string) =>
  caseEvent('CaseDispatched', departmentDispatch(caseId, departmentId), DISPATCHED_AT);
/** Resolved through the street's whistle (at noon on the day of dispatch unless told). */
export const resolved = (caseId: string, occurredAt?: string) =>
  caseEvent('CaseResolved', { caseId, notes: '已处置', afterPhotoIds: [], autoCloseAt: '2026-11-29T12:00:00.000Z' }, occurredAt);

const POLICY_ENTITIES = [CasePlace, EscalatedCase, CaseAssignment, CaseAssignee, AssignmentView];

/**
 * The case policy (caseDispatchPolicy) on an in-memory SQLite database of its entities, running the
 * assignment decider on an event store the spec chooses (production code may not import `@gongzhi/testing`'s).
 * One rig per describe: `open()` in beforeEach gives each test a fresh database and store, `close()` in afterEach.
 */
export function casePolicyRig(newStore: () => EventStore) {
  let current: { dataSource: DataSource; store: EventStore } | undefined;
  const opened = () => {
    if (!current) throw new Error('the case policy rig is not open: call open() in beforeEach');
    return current;
  };

  const run = (assignmentId: string, command: AssignmentCommand, metadata: CommandMetadata, actorDepartmentId?: string) =>
    handleCommand(opened().store, assignmentDecider, assignmentStreamId(assignmentId), command, metadata, { actorDepartmentId });
  const policy = () => caseDispatchPolicy((assignmentId, command, metadata) => run(assignmentId, command, metadata));
  const history = async (assignmentId: string) => (await opened().store.readStream(assignmentStreamId(assignmentId))).events;

  return {
    async open(): Promise<void> {
      const dataSource = await platformDataSource({
        type: 'better-sqlite3',
        database: ':memory:',
        entities: POLICY_ENTITIES,
        synchronize: true,
      }).initialize();
      current = { dataSource, store: newStore() };
    },
    async close(): Promise<void> {
      const dataSource = current?.dataSource;
      current = undefined;
      await dataSource?.destroy();
    },
    get dataSource(): DataSource {
      return opened().dataSource;
    },
    /** Runs an assignment command through the decider, as staff of `actorDepartmentId` when given. */
    run,
    /** As the bus delivers: one event in one transaction. */
    async deliver(...events: PublicEvent[]): Promise<void> {
      for (const event of events) await opened().dataSource.transaction((manager) => policy().handle(event, manager));
    },
    history,
    types: async (assignmentId: string) => (await history(assignmentId)).map((e) => e.type),
    /** The assignment streams written, in order. */
    streams: async () => [...new Set((await opened().store.readAll()).map((e) => e.streamId))],
  };
}
export type CasePolicyRig = ReturnType<typeof casePolicyRig>;
