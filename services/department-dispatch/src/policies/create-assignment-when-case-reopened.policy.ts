import type { EntityManager } from 'typeorm';
import type { PublicEventOf } from '@gongzhi/contracts';
import type { CreateAssignment } from '../domain/assignment/assignment.commands';
import { CaseAssignee, CasePlace } from '../read-models/escalated-case.entity';
import { AssignmentView } from '../read-models/work-views.entity';
import { createAssignmentFor, type CreateAssignmentPort } from './case-policy-commands';

/** The department that holds a reopened case, and what its new assignment takes from the case's dispatch. */
interface Holder {
  readonly departmentId: string;
  readonly categoryCode: string;
  /** From the dispatch to its acknowledge-by: the time the category gives to acknowledge (none when not positive). */
  readonly acknowledgeWithinMs: number;
}

/**
 * Records who holds the case from grid-events' own order of its events: the latest CaseDispatched (a department,
 * or a grid worker: then no department), until a department gives it back (CaseAssignmentDeclined).
 */
export async function recordCaseAssignee(
  event: PublicEventOf<'CaseDispatched'> | PublicEventOf<'CaseAssignmentDeclined'>,
  manager: EntityManager,
): Promise<void> {
  if (event.type === 'CaseAssignmentDeclined') {
    await manager.update(CaseAssignee, { caseId: event.data.caseId, departmentId: event.data.departmentId }, { departmentId: null });
    return;
  }
  const d = event.data;
  await manager.save(CaseAssignee, {
    caseId: d.caseId,
    departmentId: d.assigneeKind === 'department' ? d.departmentId : null,
    categoryCode: d.categoryCode,
    dispatchedAt: event.occurredAt,
    acknowledgeBy: d.acknowledgeBy,
  });
}

/**
 * A resident reopened a resolved case (it is not fixed): grid-events gives it back to its assignee with a new
 * resolve-by time. When that assignee is a department, the department's assignment of the case is closed by now
 * (completed, or withdrawn when a whistle resolved the case), so the department gets a new one, as on a dispatch:
 * - its id is the CaseReopened event's id: a repeated event is refused by the decider (ASSIGNMENT.ALREADY_CREATED);
 * - resolve-by is the event's resolveBy; acknowledge-by is the reopening plus the time the case's dispatch gave to
 *   acknowledge (the category's acknowledge hours), but never after resolve-by;
 * - the resident's reason is recorded with it (CaseAssignment.reopenReason) and shown in the department's inbox;
 * - it is recorded in CaseAssignment, so the case's later end withdraws it like any other.
 * Nothing when resolveBy is null (nobody is assigned) or absent (an event recorded before reopening set one: the
 * dispatch's deadlines still applied, and the department was not given the case again then either), nor when the
 * case's latest assignee is a grid worker or a department that gave it back.
 */
export async function createAssignmentWhenCaseReopened(
  event: PublicEventOf<'CaseReopened'>,
  manager: EntityManager,
  createAssignment: CreateAssignmentPort,
): Promise<void> {
  const { caseId, reason, resolveBy } = event.data;
  if (!resolveBy) return;
  const holder = await holderOf(manager, caseId);
  if (!holder) return;
  const place = await manager.findOneBy(CasePlace, { caseId });
  const reopenedAt = Date.parse(event.occurredAt);
  const within = Number.isFinite(holder.acknowledgeWithinMs) && holder.acknowledgeWithinMs > 0 ? holder.acknowledgeWithinMs : Infinity;
  const acknowledgeBy = new Date(Math.min(reopenedAt + within, Date.parse(resolveBy))).toISOString();
  const command: CreateAssignment = {
    type: 'CreateAssignment',
    data: {
      assignmentId: event.eventId,
      caseId,
      departmentId: holder.departmentId,
      categoryCode: holder.categoryCode,
      streetId: place?.streetId ?? null,
      acknowledgeBy,
      resolveBy,
    },
  };
  await createAssignmentFor(event, command, manager, createAssignment, reason);
}

/** Closed assignments after which the department no longer held the case: it gave it back, or the case went to another assignee. */
const LET_GO = new Set(['declined', 'reassignment_requested']);

async function holderOf(manager: EntityManager, caseId: string): Promise<Holder | null> {
  const assignee = await manager.findOneBy(CaseAssignee, { caseId });
  if (assignee) {
    if (!assignee.departmentId) return null;
    return {
      departmentId: assignee.departmentId,
      categoryCode: assignee.categoryCode,
      acknowledgeWithinMs: Date.parse(assignee.acknowledgeBy) - Date.parse(assignee.dispatchedAt),
    };
  }
  // Dispatched before the policy recorded who holds its cases: the case's latest assignment in the inbox view.
  const latest = await manager.findOne(AssignmentView, { where: { caseId }, order: { createdAt: 'DESC' } });
  if (!latest || LET_GO.has(latest.status) || latest.withdrawalReason === 'case_redispatched') return null;
  return {
    departmentId: latest.departmentId,
    categoryCode: latest.categoryCode,
    acknowledgeWithinMs: Date.parse(latest.acknowledgeBy) - Date.parse(latest.createdAt),
  };
}
