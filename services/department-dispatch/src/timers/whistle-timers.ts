import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import { SYSTEM_ACTOR, type Clock, type CommandMetadata } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { DurableScheduler, TimerHandler } from '@gongzhi/runtime';
import { levelAbove, type EscalationLevel } from '../domain/whistle/escalation';
import type { WhistleCommand } from '../domain/whistle/whistle.commands';

export const TIMER_KINDS = { escalate: 'whistle.escalate-check-in', taskDeadline: 'whistle.task-deadline' } as const;

export type WhistleCommandPort = (whistleId: string, command: WhistleCommand, metadata: CommandMetadata) => Promise<unknown>;

interface EscalationTimer {
  readonly whistleId: string;
  readonly departmentId: string;
  readonly level: EscalationLevel;
}
interface TaskTimer {
  readonly whistleId: string;
  readonly departmentId: string;
}

const escalationTimerId = (t: Omit<EscalationTimer, 'level'>, level: EscalationLevel) =>
  `whistle-${t.whistleId}:${t.departmentId}:check-in:${level}`;
const taskTimerId = (t: TaskTimer) => `whistle-${t.whistleId}:${t.departmentId}:task`;

/** What each timer does when it fires: one step of the escalation chain, or a task's deadline; deciders make repeats no-ops. */
export function whistleTimerHandlers(run: WhistleCommandPort, clock: Clock): Record<string, TimerHandler> {
  const metadata = (): CommandMetadata => ({ actor: SYSTEM_ACTOR, now: clock.now() });
  return {
    [TIMER_KINDS.escalate]: async (payload) => {
      const { whistleId, departmentId, level } = payload as EscalationTimer;
      await run(whistleId, { type: 'EscalateCheckIn', data: { departmentId, level } }, metadata());
    },
    [TIMER_KINDS.taskDeadline]: async (payload) => {
      const { whistleId, departmentId } = payload as TaskTimer;
      await run(whistleId, { type: 'MarkTaskOverdue', data: { departmentId } }, metadata());
    },
  };
}

/**
 * Sets and clears the whistles' durable timers from the whistle events, in the transaction that records
 * each event in the consumer's inbox: a deadline is stored exactly once however often the event comes.
 */
export function whistleTimerScheduling(scheduler: () => DurableScheduler): ConsumerDefinition<PublicEvent> {
  return {
    name: 'department-dispatch.whistle-timers',
    topics: [TOPICS['department-dispatch']],
    parser: publicEvents,
    async handle(event, manager: EntityManager) {
      const timers = scheduler();
      switch (event.type) {
        case 'WhistleBlown':
          for (const departmentId of event.data.departmentIds) {
            const timer: EscalationTimer = { whistleId: event.data.whistleId, departmentId, level: 'street' };
            await timers.schedule(escalationTimerId(timer, 'street'), new Date(event.data.checkInBy), TIMER_KINDS.escalate, timer, manager);
          }
          return;
        case 'WhistleEscalated': {
          const next = levelAbove(event.data.level);
          if (!next || !event.data.nextEscalationAt) return;
          const timer: EscalationTimer = { whistleId: event.data.whistleId, departmentId: event.data.departmentId, level: next };
          await timers.schedule(
            escalationTimerId(timer, next),
            new Date(event.data.nextEscalationAt),
            TIMER_KINDS.escalate,
            timer,
            manager,
          );
          return;
        }
        case 'DepartmentCheckedIn': {
          const { whistleId, departmentId, taskDueBy } = event.data;
          for (const level of ['street', 'district', 'city'] as const)
            await timers.cancel(escalationTimerId({ whistleId, departmentId }, level), manager);
          await timers.schedule(
            taskTimerId({ whistleId, departmentId }),
            new Date(taskDueBy),
            TIMER_KINDS.taskDeadline,
            { whistleId, departmentId },
            manager,
          );
          return;
        }
        case 'WhistleTaskCompleted':
          await timers.cancel(taskTimerId(event.data), manager);
          return;
        default:
          return;
      }
    },
  };
}
