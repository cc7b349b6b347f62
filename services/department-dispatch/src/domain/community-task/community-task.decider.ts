import { DomainError, assertNever, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { event } from '../domain-event';
import type { CommunityTaskCommand, PushCommunityTask } from './community-task.commands';
import type { CommunityTaskEvent } from './community-task.events';

interface CommunityTaskFacts {
  readonly taskId: string;
  readonly communityId: string;
  readonly streetId: string;
  readonly sourceDepartmentId: string;
  readonly dueAt: string;
}

export type CommunityTaskState =
  { readonly status: 'None' } | ({ readonly status: 'Open' } & CommunityTaskFacts) | ({ readonly status: 'Done' } & CommunityTaskFacts);

export interface CommunityTaskContext extends DecisionContext {
  /** The department of the staff member acting (pushing). */
  readonly actorDepartmentId?: string;
  /** The community of the officer acting (completing). */
  readonly actorCommunityId?: string;
  /** The department registry: whether an id names a department. */
  readonly isDepartment: (departmentId: string) => boolean;
}

export const communityTaskStreamId = (taskId: string) => `community-task-${taskId}`;

/** A deadline closer than this is not a task but an order shouted down the line; the essay's complaint is exactly that. */
export const MINIMUM_NOTICE_HOURS = 24;

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

function decide(command: CommunityTaskCommand, state: CommunityTaskState, context: CommunityTaskContext): readonly CommunityTaskEvent[] {
  switch (command.type) {
    case 'PushCommunityTask':
      return push(command.data, state, context);
    case 'CompleteCommunityTask': {
      if (state.status === 'None') throw refuse('COMMUNITY_TASK.NOT_FOUND', 'No such task');
      if (context.actorCommunityId !== state.communityId) {
        throw refuse('COMMUNITY_TASK.FORBIDDEN', `The task was pushed to ${state.communityId}; only its officers report it done`);
      }
      if (state.status === 'Done') throw refuse('COMMUNITY_TASK.ALREADY_DONE', 'The task was reported done already');
      const { taskId, communityId, streetId, sourceDepartmentId, dueAt } = state;
      return [
        event('CommunityTaskCompleted', {
          taskId,
          communityId,
          streetId,
          sourceDepartmentId,
          officerId: context.actor.id,
          note: command.data.note,
          withinDeadline: context.now.getTime() <= Date.parse(dueAt),
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

function push(command: PushCommunityTask['data'], state: CommunityTaskState, context: CommunityTaskContext): readonly CommunityTaskEvent[] {
  if (state.status !== 'None') throw refuse('COMMUNITY_TASK.ALREADY_PUSHED', `Task ${command.taskId} exists already`);
  if (!context.isDepartment(command.sourceDepartmentId)) {
    throw refuse('COMMUNITY_TASK.UNKNOWN_DEPARTMENT', `${command.sourceDepartmentId} is not a department of the registry`);
  }
  if (context.actorDepartmentId !== command.sourceDepartmentId) {
    throw refuse('COMMUNITY_TASK.FORBIDDEN', `Only staff of ${command.sourceDepartmentId} push its tasks`);
  }
  const earliest = context.now.getTime() + MINIMUM_NOTICE_HOURS * 3_600_000;
  if (Date.parse(command.dueAt) < earliest) {
    throw refuse('COMMUNITY_TASK.TOO_SOON', `A task pushed to a community gives it at least ${MINIMUM_NOTICE_HOURS} hours`, {
      field: 'dueAt',
    });
  }
  return [event('CommunityTaskPushed', { ...command, staffId: context.actor.id })];
}

function evolve(state: CommunityTaskState, event: CommunityTaskEvent): CommunityTaskState {
  switch (event.type) {
    case 'CommunityTaskPushed': {
      const { taskId, communityId, streetId, sourceDepartmentId, dueAt } = event.data;
      return { status: 'Open', taskId, communityId, streetId, sourceDepartmentId, dueAt };
    }
    case 'CommunityTaskCompleted':
      return state.status === 'Open' ? { ...state, status: 'Done' } : state;
    default:
      return assertNever(event);
  }
}

export const communityTaskDecider: Decider<CommunityTaskState, CommunityTaskCommand, CommunityTaskEvent, CommunityTaskContext> = {
  decide,
  evolve,
  initialState: () => ({ status: 'None' }),
};
