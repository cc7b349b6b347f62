import { In, type EntityManager } from 'typeorm';
import type { PublicEvent } from '@gongzhi/contracts';
import { DomainError, metadataCausedBy, type CommandMetadata } from '@gongzhi/eventsourcing';
import type { AssignmentWithdrawalReason, WithdrawAssignment } from '../domain/assignment/assignment.commands';
import { CaseAssignment } from '../read-models/escalated-case.entity';
import { AssignmentView } from '../read-models/work-views.entity';
import { CASE_POLICY_ACTOR } from './case-policy-commands';

export type WithdrawAssignmentPort = (assignmentId: string, command: WithdrawAssignment, metadata: CommandMetadata) => Promise<unknown>;

/**
 * Refusals that mean the assignment is closed already: completed by the department (the usual cause of a
 * CaseResolved: the department's own completion came back from grid-events), returned by it, or withdrawn
 * by an earlier or repeated event.
 */
const ALREADY_CLOSED = new Set(['ASSIGNMENT.ALREADY_COMPLETED', 'ASSIGNMENT.ALREADY_DECLINED', 'ASSIGNMENT.ALREADY_WITHDRAWN']);

interface Withdrawal {
  readonly caseId: string;
  readonly reason: AssignmentWithdrawalReason;
  /** The assignment this very event created, which stays. */
  readonly keep: string | null;
}

/**
 * The grid-events events after which a department no longer needs to act on the case:
 * - CaseResolved: resolved by the street's whistle (吹哨报到) — or by the department's own completion, whose
 *   assignment is completed already and is left alone;
 * - CaseClosed, CaseRejected, CaseMerged: the case ended (grid-events rejects and merges only before any
 *   dispatch today; should that change, no assignment is left open);
 * - CaseDispatched: the case went to another assignee (or to the department again, with new deadlines), so the
 *   earlier assignments are superseded.
 * Not: CaseReopened (back to its assignee), CaseEscalated and the overdue events (the department must still
 * act, and the street's whistle summons it), CaseAssignmentDeclined (the department returned it itself).
 */
export function withdrawalFor(event: PublicEvent): Withdrawal | null {
  switch (event.type) {
    case 'CaseResolved':
      return { caseId: event.data.caseId, reason: 'case_resolved', keep: null };
    case 'CaseClosed':
      return { caseId: event.data.caseId, reason: 'case_closed', keep: null };
    case 'CaseRejected':
      return { caseId: event.data.caseId, reason: 'case_rejected', keep: null };
    case 'CaseMerged':
      return { caseId: event.data.caseId, reason: 'case_merged', keep: null };
    case 'CaseDispatched':
      return { caseId: event.data.caseId, reason: 'case_redispatched', keep: event.eventId };
    default:
      return null;
  }
}

/**
 * Withdraws the case's open assignments when the case ends another way than by them, so they leave the
 * department's queue and its scoreboard. Part of the case policy's consumer: grid-events' order of a case's
 * events holds (an assignment is always created before its case's end is seen), and the inbox makes each event
 * count once; a repeat past the inbox is refused by the decider and skipped here.
 */
export async function withdrawAssignmentsWhenCaseEnds(event: PublicEvent, manager: EntityManager, withdraw: WithdrawAssignmentPort): Promise<void> {
  const withdrawal = withdrawalFor(event);
  if (!withdrawal) return;
  const metadata = metadataCausedBy(event, CASE_POLICY_ACTOR);
  for (const assignmentId of await assignmentsOfCase(manager, withdrawal.caseId)) {
    if (assignmentId === withdrawal.keep) continue;
    try {
      await withdraw(assignmentId, { type: 'WithdrawAssignment', data: { reason: withdrawal.reason } }, metadata);
    } catch (error) {
      if (error instanceof DomainError && ALREADY_CLOSED.has(error.code)) continue;
      throw error;
    }
  }
}

async function assignmentsOfCase(manager: EntityManager, caseId: string): Promise<string[]> {
  const recorded = await manager.findBy(CaseAssignment, { caseId });
  // Assignments created before the policy recorded them are known from the inbox view; closed ones there stay closed.
  const open = await manager.findBy(AssignmentView, { caseId, status: In(['created', 'acknowledged']) });
  return [...new Set([...recorded, ...open].map((a) => a.assignmentId))];
}
