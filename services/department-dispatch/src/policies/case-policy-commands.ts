import type { EntityManager } from 'typeorm';
import type { PublicEvent } from '@gongzhi/contracts';
import { DomainError, metadataCausedBy, type Actor, type CommandMetadata } from '@gongzhi/eventsourcing';
import type { CreateAssignment } from '../domain/assignment/assignment.commands';
import { CaseAssignment } from '../read-models/escalated-case.entity';

export type CreateAssignmentPort = (assignmentId: string, command: CreateAssignment, metadata: CommandMetadata) => Promise<unknown>;

/** Who issues the commands the case policy derives from grid-events events. */
export const CASE_POLICY_ACTOR: Actor = Object.freeze({ id: 'department-dispatch.case-policy', kind: 'service' });

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
    await createAssignment(event.eventId, command, metadataCausedBy(event, CASE_POLICY_ACTOR));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'ASSIGNMENT.ALREADY_CREATED')) throw error; // else a redelivery
  }
  await manager.save(CaseAssignment, { caseId: command.data.caseId, assignmentId: event.eventId, reopenReason });
}
