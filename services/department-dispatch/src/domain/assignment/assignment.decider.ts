import { DomainError, type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import { event } from '../domain-event';
import type { AssignmentCommand } from './assignment.commands';
import type { AssignmentEvent } from './assignment.events';

interface AssignmentFacts {
  readonly assignmentId: string;
  readonly caseId: string;
  readonly departmentId: string;
  readonly acknowledgeBy: string;
  readonly resolveBy: string;
}

export type AssignmentState =
  | { readonly status: 'None' }
  | ({ readonly status: 'Created' | 'Acknowledged' | 'Completed' | 'Declined' | 'Withdrawn' } & AssignmentFacts);

/** Where the department still has work to do; any other assignment is closed. */
const OPEN: readonly AssignmentState['status'][] = ['Created', 'Acknowledged'];

export interface AssignmentContext extends DecisionContext {
  /** The department of the staff member acting; absent for the platform's own commands (policies). */
  readonly actorDepartmentId?: string;
}

export const assignmentStreamId = (assignmentId: string) => `assignment-${assignmentId}`;

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

function decide(command: AssignmentCommand, state: AssignmentState, context: AssignmentContext): readonly AssignmentEvent[] {
  if (command.type === 'CreateAssignment') {
    if (state.status !== 'None') throw refuse('ASSIGNMENT.ALREADY_CREATED', `Assignment ${command.data.assignmentId} exists already`);
    return [event('AssignmentCreated', { ...command.data })];
  }
  if (state.status === 'None') throw refuse('ASSIGNMENT.NOT_FOUND', 'No such assignment');
  const ids = { assignmentId: state.assignmentId, caseId: state.caseId, departmentId: state.departmentId };
  if (command.type === 'WithdrawAssignment') {
    if (context.actorDepartmentId !== undefined) {
      throw refuse('ASSIGNMENT.FORBIDDEN', 'An assignment is withdrawn by the platform when its case ends, not by staff');
    }
    // A closed assignment (completed, returned, withdrawn) has nothing to withdraw: most often the case was
    // resolved by this very assignment's completion, or the event came twice.
    if (!OPEN.includes(state.status)) throw notOpen(state, 'Created or Acknowledged', 'withdrawn');
    return [event('AssignmentWithdrawn', { ...ids, reason: command.data.reason })];
  }
  if (context.actorDepartmentId !== state.departmentId) {
    throw refuse('ASSIGNMENT.FORBIDDEN', `Assignment ${state.assignmentId} belongs to ${state.departmentId}, not to your department`);
  }
  const staffId = context.actor.id;
  const now = context.now.getTime();
  switch (command.type) {
    case 'AcknowledgeAssignment':
      if (state.status !== 'Created') throw notOpen(state, 'Created', 'acknowledged');
      return [event('AssignmentAcknowledged', { ...ids, staffId, withinDeadline: now <= Date.parse(state.acknowledgeBy) })];
    case 'ReportAssignmentProgress':
      if (state.status !== 'Acknowledged') throw notOpen(state, 'Acknowledged', 'reported on');
      return [event('AssignmentProgressReported', { ...ids, staffId, note: command.data.note, photoIds: [...command.data.photoIds] })];
    case 'CompleteAssignment':
      if (state.status !== 'Acknowledged') throw notOpen(state, 'Acknowledged', 'completed');
      return [
        event('AssignmentCompleted', {
          ...ids,
          staffId,
          notes: command.data.notes,
          afterPhotoIds: [...command.data.afterPhotoIds],
          withinDeadline: now <= Date.parse(state.resolveBy),
        }),
      ];
    case 'DeclineAssignment': {
      const allowed: readonly AssignmentState['status'][] = command.data.kind === 'declined' ? ['Created'] : ['Created', 'Acknowledged'];
      if (!allowed.includes(state.status)) {
        const acknowledged = state.status === 'Acknowledged';
        throw refuse(
          acknowledged ? 'ASSIGNMENT.ALREADY_ACKNOWLEDGED' : 'ASSIGNMENT.CLOSED',
          acknowledged
            ? 'An assignment can be declined only before it is acknowledged; ask for reassignment instead'
            : `An assignment that is ${state.status} cannot be handed back`,
          { status: state.status },
        );
      }
      if (command.data.suggestedDepartmentId === state.departmentId) {
        throw refuse('ASSIGNMENT.SAME_DEPARTMENT', 'Suggest another department than your own', { field: 'suggestedDepartmentId' });
      }
      return [
        event('AssignmentDeclined', {
          ...ids,
          staffId,
          kind: command.data.kind,
          reason: command.data.reason,
          suggestedDepartmentId: command.data.suggestedDepartmentId,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function notOpen(state: Exclude<AssignmentState, { status: 'None' }>, needed: string, what: string): DomainError {
  const code = state.status === 'Created' ? 'ASSIGNMENT.NOT_ACKNOWLEDGED' : `ASSIGNMENT.ALREADY_${state.status.toUpperCase()}`;
  return refuse(code, `The assignment is ${state.status}; it can be ${what} only when ${needed}`, { status: state.status });
}

function evolve(state: AssignmentState, e: AssignmentEvent): AssignmentState {
  switch (e.type) {
    case 'AssignmentCreated': {
      const { assignmentId, caseId, departmentId, acknowledgeBy, resolveBy } = e.data;
      return { status: 'Created', assignmentId, caseId, departmentId, acknowledgeBy, resolveBy };
    }
    case 'AssignmentAcknowledged':
      return state.status === 'None' ? state : { ...state, status: 'Acknowledged' };
    case 'AssignmentProgressReported':
      return state;
    case 'AssignmentCompleted':
      return state.status === 'None' ? state : { ...state, status: 'Completed' };
    case 'AssignmentDeclined':
      return state.status === 'None' ? state : { ...state, status: 'Declined' };
    case 'AssignmentWithdrawn':
      return state.status === 'None' ? state : { ...state, status: 'Withdrawn' };
    default:
      return assertNever(e);
  }
}

export const assignmentDecider: Decider<AssignmentState, AssignmentCommand, AssignmentEvent, AssignmentContext> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
