import { TOPICS, publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { DomainError, metadataCausedBy, type Actor } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { CaseCommands } from '../application/case-commands';
import { ExecuteCaseCommand, type CaseCommandBus } from '../commands/execute-case-command';
import type { CaseCommand } from '../domain/case/case.commands';
import type { GridEventsSettings } from '../grid-events.settings';

/** Refusals that mean the case has moved on (re-dispatched elsewhere, resolved, closed) or the event came twice. */
const ALREADY_DONE = new Set(['CASE.INVALID_TRANSITION', 'CASE.ALREADY_CLOSED', 'CASE.FORBIDDEN', 'CASE.NOT_FOUND']);

/**
 * The case follows its department's assignment in department-dispatch: acknowledged (签收), completed, or
 * declined (back to dispatch). The inbox makes each event count once; a repeated transition is refused by
 * the decider and skipped here.
 */
export function followDepartmentWhenAssignmentChanges(
  commands: CaseCommandBus,
  cases: Pick<CaseCommands, 'now'>,
  settings: GridEventsSettings,
): ConsumerDefinition<PublicEvent> {
  return {
    name: 'grid-events.follow-department-assignments',
    topics: [TOPICS['department-dispatch']],
    parser: publicEvents,
    async handle(event) {
      const command = commandFor(event, settings);
      if (!command) return;
      const actor: Actor = { id: `department:${command.departmentId}`, kind: 'service', roles: ['department_staff'] };
      try {
        await commands.execute(
          new ExecuteCaseCommand({
            caseId: command.caseId,
            command: command.command,
            metadata: metadataCausedBy(event, actor, cases.now()),
          }),
        );
      } catch (error) {
        if (error instanceof DomainError && ALREADY_DONE.has(error.code)) return;
        throw error;
      }
    },
  };
}

function commandFor(
  event: PublicEvent,
  settings: GridEventsSettings,
): { caseId: string; departmentId: string; command: CaseCommand } | null {
  switch (event.type) {
    case 'AssignmentAcknowledged': {
      const { caseId, departmentId } = event.data;
      return {
        caseId,
        departmentId,
        command: { type: 'AcknowledgeCase', data: { by: { kind: 'department', id: departmentId, departmentId } } },
      };
    }
    case 'AssignmentCompleted': {
      const { caseId, departmentId, notes, afterPhotoIds } = event.data;
      return {
        caseId,
        departmentId,
        command: {
          type: 'ResolveCase',
          data: {
            by: { kind: 'department', id: departmentId, departmentId },
            notes,
            afterPhotoIds,
            confirmWithinHours: settings.autoCloseAfterHours,
          },
        },
      };
    }
    case 'AssignmentDeclined': {
      const { caseId, departmentId, reason, suggestedDepartmentId } = event.data;
      return { caseId, departmentId, command: { type: 'DeclineAssignment', data: { departmentId, reason, suggestedDepartmentId } } };
    }
    default:
      return null;
  }
}
