import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent, type PublicEventOf } from '@gongzhi/contracts';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { insertRows } from '@gongzhi/persistence';
import type { CreateAssignment, WithdrawAssignment } from '../domain/assignment/assignment.commands';
import { CasePlace, EscalatedCase } from '../read-models/escalated-case.entity';
import { createAssignmentFor } from './case-policy-commands';
import { createAssignmentWhenCaseReopened, recordCaseAssignee } from './create-assignment-when-case-reopened.policy';
import { withdrawAssignmentsWhenCaseEnds } from './withdraw-assignments-when-case-ends.policy';

/** Runs one command on an assignment; the policy is given the command handler, so it stays a plain object. */
export type AssignmentCommandPort = (
  assignmentId: string,
  command: CreateAssignment | WithdrawAssignment,
  metadata: CommandMetadata,
) => Promise<unknown>;

/**
 * Reactions to grid-events:
 * - CaseDispatched to a department → the department's assignment (CreateAssignment), idempotent: the
 *   assignment's id is the dispatch event's id, and the decider refuses to create it twice;
 * - CaseEscalated → the street's list of cases to blow the whistle on;
 * - CaseReported / CaseAccepted → where the case is, so its assignment knows its street;
 * - the case's end another way (resolved by a whistle, closed, rejected, merged, dispatched elsewhere) → its
 *   open assignments are withdrawn (withdraw-assignments-when-case-ends.policy);
 * - CaseReopened with a new resolve-by time → a new assignment for the department that holds the case (its latest
 *   CaseDispatched, unless it declined since: CaseAssignmentDeclined), id = the reopening's event id
 *   (create-assignment-when-case-reopened.policy).
 * One consumer for all, so a case's dispatch is always handled before its end or its reopening.
 */
export function caseDispatchPolicy(runAssignmentCommand: AssignmentCommandPort): ConsumerDefinition<PublicEvent> {
  return {
    name: 'department-dispatch.case-policy',
    topics: [TOPICS['grid-events']],
    parser: publicEvents,
    async handle(event, manager) {
      switch (event.type) {
        case 'CaseReported':
        case 'CaseAccepted':
          await insertRows(manager, CasePlace, [{ caseId: event.data.caseId, streetId: event.data.streetId }], { onConflict: 'replace' });
          return;
        case 'CaseEscalated':
          await recordEscalation(event, manager);
          return;
        case 'CaseDispatched':
          await createAssignmentOnDispatch(event, manager, runAssignmentCommand);
          await withdrawAssignmentsWhenCaseEnds(event, manager, runAssignmentCommand);
          await recordCaseAssignee(event, manager);
          return;
        case 'CaseAssignmentDeclined':
          await recordCaseAssignee(event, manager);
          return;
        case 'CaseReopened':
          await createAssignmentWhenCaseReopened(event, manager, runAssignmentCommand);
          return;
        case 'CaseResolved':
        case 'CaseClosed':
        case 'CaseRejected':
        case 'CaseMerged':
          await withdrawAssignmentsWhenCaseEnds(event, manager, runAssignmentCommand);
          return;
        default:
          return;
      }
    },
  };
}

async function recordEscalation(event: PublicEventOf<'CaseEscalated'>, manager: EntityManager): Promise<void> {
  const d = event.data;
  const existing = await manager.findOneBy(EscalatedCase, { caseId: d.caseId });
  await manager.save(EscalatedCase, {
    caseId: d.caseId,
    streetId: d.streetId,
    reason: d.reason,
    note: d.note,
    departmentIds: d.departmentIds,
    escalatedAt: event.occurredAt,
    whistleId: existing?.whistleId ?? null,
  });
}

async function createAssignmentOnDispatch(
  event: PublicEventOf<'CaseDispatched'>,
  manager: EntityManager,
  createAssignment: AssignmentCommandPort,
): Promise<void> {
  const d = event.data;
  if (d.assigneeKind !== 'department' || !d.departmentId) return;
  const place = await manager.findOneBy(CasePlace, { caseId: d.caseId });
  const command: CreateAssignment = {
    type: 'CreateAssignment',
    data: {
      assignmentId: event.eventId,
      caseId: d.caseId,
      departmentId: d.departmentId,
      categoryCode: d.categoryCode,
      streetId: place?.streetId ?? null,
      acknowledgeBy: d.acknowledgeBy,
      resolveBy: d.resolveBy,
    },
  };
  await createAssignmentFor(event, command, manager, createAssignment, null);
}
