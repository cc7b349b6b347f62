import { ownValue } from '@gongzhi/contracts';
import { DomainError, type DecisionContext, type Decider, assertNever } from '@gongzhi/eventsourcing';
import { event, minutesBetween } from '../domain-event';
import { canEscalateTo, nextEscalationAt } from './escalation';
import type { BlowWhistle, CheckIn, CompleteTask, EscalateCheckIn, EvaluateDepartment, MarkTaskOverdue, WhistleCommand } from './whistle.commands';
import type { WhistleEvent } from './whistle.events';
import { evolveWhistle } from './whistle.evolve';
import type { OpenWhistle, SummonedDepartment, WhistleState } from './whistle.state';

export interface WhistleContext extends DecisionContext {
  /** The department of the staff member acting (check-in, task). */
  readonly actorDepartmentId?: string;
  /** The street of the officer or resident acting (blowing, evaluating). */
  readonly actorStreetId?: string;
  /** The department registry: whether an id names a department. */
  readonly isDepartment: (departmentId: string) => boolean;
}

export const whistleStreamId = (whistleId: string) => `whistle-${whistleId}`;

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);
const addMinutes = (at: Date | string, minutes: number) => new Date(new Date(at).getTime() + minutes * 6e4).toISOString();

function decide(command: WhistleCommand, state: WhistleState, context: WhistleContext): readonly WhistleEvent[] {
  if (command.type === 'BlowWhistle') return blow(command.data, state, context);
  if (state.status === 'None') throw refuse('WHISTLE.NOT_FOUND', 'No such whistle');
  switch (command.type) {
    case 'CheckIn':
      return checkIn(command.data, state, context);
    case 'EscalateCheckIn':
      return escalate(command.data, state, context);
    case 'CompleteTask':
      return completeTask(command.data, state, context);
    case 'MarkTaskOverdue':
      return markTaskOverdue(command.data, state, context);
    case 'EvaluateDepartment':
      return evaluate(command.data, state, context);
    default:
      return assertNever(command);
  }
}

function blow(command: BlowWhistle['data'], state: WhistleState, context: WhistleContext): readonly WhistleEvent[] {
  if (state.status !== 'None') throw refuse('WHISTLE.ALREADY_BLOWN', `Whistle ${command.whistleId} was blown already`);
  if (context.actorStreetId !== command.streetId) {
    throw refuse('WHISTLE.FORBIDDEN', `Only an officer of ${command.streetId} blows the whistle there`);
  }
  if (command.departmentIds.length === 0) {
    throw refuse('WHISTLE.NO_DEPARTMENT', 'A whistle summons at least one department', { field: 'departmentIds' });
  }
  command.departmentIds.forEach((departmentId, index) => {
    if (command.departmentIds.indexOf(departmentId) !== index) {
      throw refuse('WHISTLE.DUPLICATE_DEPARTMENT', `${departmentId} is summoned twice`, { field: `departmentIds.${index}` });
    }
    if (!context.isDepartment(departmentId)) {
      throw refuse('WHISTLE.UNKNOWN_DEPARTMENT', `${departmentId} is not a department of the registry`, { field: `departmentIds.${index}` });
    }
  });
  if (!command.departmentIds.includes(command.leadDepartmentId)) {
    throw refuse('WHISTLE.LEAD_NOT_SUMMONED', 'The lead department must be one of the summoned departments', { field: 'leadDepartmentId' });
  }
  const { departmentIds, taskWithinHours, ...rest } = command;
  return [
    event('WhistleBlown', {
      ...rest,
      departmentIds: [...departmentIds],
      taskWithinHours: { ...taskWithinHours },
      checkInBy: addMinutes(context.now, command.checkInWithinMinutes),
    }),
  ];
}

function summoned(state: OpenWhistle, departmentId: string): SummonedDepartment {
  const slot = ownValue(state.departments, departmentId);
  if (!slot) {
    throw refuse('WHISTLE.NOT_SUMMONED', `${departmentId} was not summoned by whistle ${state.whistleId}`, { departmentId });
  }
  return slot;
}

function assertOwnDepartment(command: { departmentId: string }, context: WhistleContext): void {
  if (context.actorDepartmentId !== command.departmentId) {
    throw refuse('WHISTLE.FORBIDDEN', `Staff act for their own department only, not for ${command.departmentId}`);
  }
}

function checkIn(command: CheckIn['data'], state: OpenWhistle, context: WhistleContext): readonly WhistleEvent[] {
  assertOwnDepartment(command, context);
  const slot = summoned(state, command.departmentId);
  if (slot.checkIn.state === 'checked_in') {
    throw refuse('WHISTLE.ALREADY_CHECKED_IN', `${command.departmentId} checked in at ${slot.checkIn.at}`);
  }
  const now = context.now.toISOString();
  return [
    event('DepartmentCheckedIn', {
      whistleId: state.whistleId,
      caseId: state.caseId,
      departmentId: command.departmentId,
      staffId: context.actor.id,
      checkedInAt: now,
      withinDeadline: slot.checkIn.state === 'awaiting' && now <= slot.checkIn.dueAt,
      minutesToCheckIn: minutesBetween(state.blownAt, now),
      escalationLevel: slot.checkIn.state === 'overdue' ? slot.checkIn.level : null,
      taskDueBy: addMinutes(now, slot.taskWithinHours * 60),
    }),
  ];
}

/** A timer's step; a step that no longer applies (or is not due yet) decides nothing. */
function escalate(command: EscalateCheckIn['data'], state: OpenWhistle, context: WhistleContext): readonly WhistleEvent[] {
  const slot = summoned(state, command.departmentId);
  const progress = slot.checkIn;
  if (!canEscalateTo(progress, command.level)) return [];
  const reachedAt = progress.state === 'awaiting' ? progress.dueAt : progress.state === 'overdue' ? progress.nextEscalationAt : null;
  if (!reachedAt || context.now.toISOString() < reachedAt) return [];
  const escalatedTo = { street: state.streetId, district: state.districtId, city: state.cityId }[command.level];
  const escalated = event('WhistleEscalated', {
    whistleId: state.whistleId,
    departmentId: command.departmentId,
    level: command.level,
    escalatedTo,
    nextEscalationAt: nextEscalationAt(command.level, reachedAt, state.escalationDelays),
  });
  if (command.level !== 'street') return [escalated];
  return [event('CheckInMissed', { whistleId: state.whistleId, departmentId: command.departmentId, dueAt: reachedAt }), escalated];
}

function completeTask(command: CompleteTask['data'], state: OpenWhistle, context: WhistleContext): readonly WhistleEvent[] {
  assertOwnDepartment(command, context);
  const slot = summoned(state, command.departmentId);
  if (slot.task.state === 'not_started') {
    throw refuse('WHISTLE.NOT_CHECKED_IN', `${command.departmentId} must check in (报到) before its task can be done`);
  }
  if (slot.task.state === 'done') throw refuse('WHISTLE.TASK_ALREADY_COMPLETED', `${command.departmentId} has completed its task already`);
  const now = context.now.toISOString();
  const completed = event('WhistleTaskCompleted', {
    whistleId: state.whistleId,
    departmentId: command.departmentId,
    staffId: context.actor.id,
    notes: command.notes,
    photoIds: [...command.photoIds],
    withinDeadline: now <= slot.task.dueBy,
    minutesToResolve: minutesBetween(state.blownAt, now),
  });
  const after = evolveWhistle(state, completed) as OpenWhistle;
  const tasks = after.departmentIds.map((id) => ({ id, task: after.departments[id].task }));
  if (!tasks.every(({ task }) => task.state === 'done')) return [completed];
  const done = tasks.map(({ id, task }) => ({ id, ...(task as Extract<typeof task, { state: 'done' }>) }));
  return [
    completed,
    event('WhistleResolved', {
      whistleId: state.whistleId,
      caseId: state.caseId,
      streetId: state.streetId,
      departmentIds: [...state.departmentIds],
      summary: done.map(({ id, notes }) => `${id}: ${notes}`).join('\n'),
      photoIds: done.flatMap(({ photoIds }) => photoIds),
    }),
  ];
}

function markTaskOverdue(command: MarkTaskOverdue['data'], state: OpenWhistle, context: WhistleContext): readonly WhistleEvent[] {
  const { task } = summoned(state, command.departmentId);
  if (task.state !== 'open' || task.overdue || context.now.toISOString() < task.dueBy) return [];
  return [event('WhistleTaskOverdue', { whistleId: state.whistleId, departmentId: command.departmentId, dueAt: task.dueBy })];
}

function evaluate(command: EvaluateDepartment['data'], state: OpenWhistle, context: WhistleContext): readonly WhistleEvent[] {
  if (context.actorStreetId !== state.streetId) {
    throw refuse('WHISTLE.FORBIDDEN', `Only the street ${state.streetId} and its residents evaluate this whistle`);
  }
  const slot = summoned(state, command.departmentId);
  if (state.status !== 'Resolved') {
    throw refuse('WHISTLE.NOT_RESOLVED', 'Departments are evaluated once every task of the whistle is done');
  }
  const evaluator = command.by === 'street' ? 'street' : `resident:${context.actor.id}`;
  if (slot.evaluatedBy.includes(evaluator)) {
    throw refuse('WHISTLE.ALREADY_EVALUATED', `${command.departmentId} was evaluated by ${command.by === 'street' ? 'the street' : 'you'} already`);
  }
  return [
    event('DepartmentEvaluated', {
      whistleId: state.whistleId,
      departmentId: command.departmentId,
      streetId: state.streetId,
      score: command.score,
      comment: command.comment,
      by: command.by,
      evaluatorId: context.actor.id,
    }),
  ];
}

export const whistleDecider: Decider<WhistleState, WhistleCommand, WhistleEvent, WhistleContext> = {
  decide,
  evolve: evolveWhistle,
  initialState: () => ({ status: 'None' }),
};
