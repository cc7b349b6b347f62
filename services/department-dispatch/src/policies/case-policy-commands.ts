import type { EntityManager } from 'typeorm';
import type { PublicEvent } from '@gongzhi/contracts';
import { DomainError, type CommandMetadata } from '@gongzhi/eventsourcing';
import type { CreateAssignment } from '../domain/assignment/assignment.commands';
import { CaseAssignment } from '../read-models/escalated-case.entity';

export type CreateAssignmentPort = (assignmentId: string, command: CreateAssignment, metadata: CommandMetadata) => Promise<unknown>;

/** Metadata of a command the case policy issues for a grid-events event: caused by it, in its correlation. */
export function metadataFor(event: PublicEvent): CommandMetadata {
  return {
    actor: { id: 'department-dispatch.case-policy', kind: 'service' },
    now: new Date(event.occurredAt),
    correlationId: event.correlationId,
    causationId: event.eventId,
  };
}

/**
 * Creates the assignment a grid-events event calls for — its id is the event's, so a redelivery is refused
 * by the decider and skipped — and records it against its case, so the case's end can withdraw it.
 */
export async function createAssignmentFor(
  event: PublicEvent,
  command: CreateAssignment,
  manager: EntityManager,
  createAssignment: CreateAssignmentPort,
  reopenReason: string | null,
): Promise<void> {
  try {
    await createAssignment(event.eventId, command, metadataFor(event));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'ASSIGNMENT.ALREADY_CREATED')) throw error; // else a redelivery
  }
  await manager.save(CaseAssignment, { caseId: command.data.caseId, assignmentId: event.eventId, reopenReason });
}
