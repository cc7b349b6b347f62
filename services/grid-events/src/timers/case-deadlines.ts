import { DomainError, SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { DurableScheduler, TimerHandler } from '@gongzhi/runtime';
import type { CaseCommands } from '../application/case-commands';
import { ExecuteCaseCommand, type CaseCommandBus } from '../commands/execute-case-command';
import type { CaseCommand } from '../domain/case/case.commands';
import type { ReferenceData } from '../reference-data/reference-data';

export const TIMER_KINDS = {
  acknowledgeOverdue: 'grid-events.case.acknowledge-overdue',
  resolutionOverdue: 'grid-events.case.resolution-overdue',
  autoClose: 'grid-events.case.auto-close',
} as const;

type DeadlinePayload = { readonly caseId: string; readonly dueAt: string };

/** Refusals that mean the deadline no longer applies (acknowledged, re-dispatched, closed, fired before). */
const STALE = new Set(['CASE.STALE_DEADLINE', 'CASE.ALREADY_OVERDUE', 'CASE.INVALID_TRANSITION', 'CASE.ALREADY_CLOSED', 'CASE.NOT_FOUND']);

/** What each deadline does when it fires: a command to the case, decided like any other. */
export function caseDeadlineHandlers(
  commands: CaseCommandBus,
  cases: Pick<CaseCommands, 'load' | 'now'>,
  reference: ReferenceData,
): Record<string, TimerHandler> {
  const run = (build: (p: DeadlinePayload, lead: string) => CaseCommand) => async (payload: unknown) => {
    const p = payload as DeadlinePayload;
    try {
      const state = await cases.load(p.caseId);
      const lead = state.status === 'None' ? '' : reference.category(state.categoryCode).leadDepartmentId;
      await commands.execute(
        new ExecuteCaseCommand({ caseId: p.caseId, command: build(p, lead), metadata: { actor: SYSTEM_ACTOR, now: cases.now() } }),
      );
    } catch (error) {
      if (error instanceof DomainError && STALE.has(error.code)) return;
      throw error;
    }
  };
  return {
    [TIMER_KINDS.acknowledgeOverdue]: run((p, lead) => ({
      type: 'MarkAcknowledgeOverdue',
      data: { dueAt: p.dueAt, leadDepartmentId: lead },
    })),
    [TIMER_KINDS.resolutionOverdue]: run((p, lead) => ({
      type: 'MarkResolutionOverdue',
      data: { dueAt: p.dueAt, leadDepartmentId: lead },
    })),
    [TIMER_KINDS.autoClose]: run((p) => ({ type: 'CloseUnanswered', data: { dueAt: p.dueAt } })),
  };
}

/**
 * Sets the durable deadlines from the case's own events, in the transaction that records each event in the
 * consumer's inbox: a deadline is stored exactly when its event is seen. A timer's id holds its due time, so
 * a new dispatch or a reopening makes new timers, and an old one that fires is refused by the decider as stale.
 */
export function caseDeadlinesConsumer(topic: string, scheduler: DurableScheduler): ConsumerDefinition<PublicEvent> {
  return {
    name: 'grid-events.case-deadlines',
    topics: [topic],
    parser: publicEvents,
    async handle(event, manager) {
      const at = (kind: string, caseId: string, dueAt: string) =>
        scheduler.schedule(`case-${caseId}:${kind.split('.').pop()}:${dueAt}`, new Date(dueAt), kind, { caseId, dueAt }, manager);
      switch (event.type) {
        case 'CaseDispatched':
          await at(TIMER_KINDS.acknowledgeOverdue, event.data.caseId, event.data.acknowledgeBy);
          await at(TIMER_KINDS.resolutionOverdue, event.data.caseId, event.data.resolveBy);
          return;
        case 'CaseResolved':
          if (event.data.autoCloseAt) await at(TIMER_KINDS.autoClose, event.data.caseId, event.data.autoCloseAt);
          return;
        case 'CaseConfirmed':
          if (event.data.autoCloseAt) await at(TIMER_KINDS.autoClose, event.data.caseId, event.data.autoCloseAt);
          return;
        case 'CaseReopened':
          // Absent on reopenings recorded before they set a new resolve-by time; null when nobody is assigned.
          if (event.data.resolveBy) await at(TIMER_KINDS.resolutionOverdue, event.data.caseId, event.data.resolveBy);
          return;
        default:
          return;
      }
    },
  };
}
