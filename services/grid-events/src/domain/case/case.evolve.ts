import { caseReportedV1ToV2, type PublicEventData } from '@gongzhi/contracts';
import type { CaseEvent } from './case.events';
import type { CaseFacts, CaseState } from './case.state';

/** Reads a stored CaseReported of any version as the latest. */
function reportedData(event: Extract<CaseEvent, { type: 'CaseReported' }>): PublicEventData<'CaseReported'> {
  if ((event.schemaVersion ?? 1) >= 2) return event.data;
  return caseReportedV1ToV2.up(event.data as unknown as Record<string, unknown>) as PublicEventData<'CaseReported'>;
}

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseReported') {
    const report = reportedData(event);
    return {
      caseId: report.caseId,
      status: 'Reported',
      report,
      categoryCode: report.categoryCode,
      reporterCanAnswer: report.reporterId !== null || report.anonymous,
      assignment: null,
      resolution: null,
      autoCloseAt: null,
      evaluation: null,
      rejectionReason: null,
      voidReason: null,
      mergedInto: null,
      closeReason: null,
      reopenCount: 0,
      escalationCount: 0,
      facilityId: report.facilityId ?? null,
    };
  }
  if (state.status === 'None') return state;
  const facts: CaseFacts = state;
  switch (event.type) {
    case 'CaseAccepted':
      return { ...facts, status: 'Accepted', categoryCode: event.data.categoryCode };
    case 'CaseRejected':
      return { ...facts, status: 'Rejected', rejectionReason: event.data.reason };
    case 'CaseVoided':
      return { ...facts, voidReason: event.data.reason, autoCloseAt: null };
    case 'CaseMerged':
      return { ...facts, status: 'Merged', mergedInto: event.data.intoCaseId };
    case 'CaseDispatched':
      return {
        ...facts,
        status: 'Dispatched',
        assignment: {
          kind: event.data.assigneeKind,
          id: event.data.assigneeId,
          departmentId: event.data.departmentId,
          acknowledgeBy: event.data.acknowledgeBy,
          resolveBy: event.data.resolveBy,
          acknowledgeOverdue: false,
          resolutionOverdue: false,
        },
      };
    case 'CaseAssignmentDeclined':
      return { ...facts, status: 'Accepted', assignment: null };
    case 'CaseAcknowledged':
      // Only the assignee of a dispatched case acknowledges it (the decider sees to that), so the assignment is there.
      return facts.assignment ? { ...facts, status: 'Acknowledged', assignment: facts.assignment } : facts;
    case 'CaseResolved':
      return {
        ...facts,
        status: 'Resolved',
        resolution: { notes: event.data.notes, afterPhotoIds: event.data.afterPhotoIds },
        autoCloseAt: event.data.autoCloseAt,
      };
    case 'CaseConfirmed':
      return { ...facts, status: 'Confirmed', autoCloseAt: event.data.autoCloseAt ?? null };
    case 'CaseReopened': {
      // A new resolve-by time replaces the dispatch's, and the case can be overdue against it. Events recorded
      // before reopening set one carry none: the dispatch's resolve-by time still applies to them.
      const { resolveBy } = event.data;
      const assignment = facts.assignment && resolveBy ? { ...facts.assignment, resolveBy, resolutionOverdue: false } : facts.assignment;
      // Nobody holds a case resolved by a whistle before any dispatch (or after a decline): it goes back to
      // be dispatched, where it gets a holder and deadlines, instead of waiting on an assignee it does not have.
      const reopened = { ...facts, autoCloseAt: null, reopenCount: facts.reopenCount + 1 };
      return assignment ? { ...reopened, status: 'Acknowledged', assignment } : { ...reopened, status: 'Accepted', assignment: null };
    }
    case 'CaseEvaluated':
      return { ...facts, evaluation: { score: event.data.score, comment: event.data.comment } };
    case 'CaseClosed':
      return { ...facts, status: 'Closed', closeReason: event.data.reason, autoCloseAt: null };
    case 'CaseAcknowledgeOverdue':
      return facts.assignment ? { ...facts, assignment: { ...facts.assignment, acknowledgeOverdue: true } } : facts;
    case 'CaseResolutionOverdue':
      return facts.assignment ? { ...facts, assignment: { ...facts.assignment, resolutionOverdue: true } } : facts;
    case 'CaseEscalated':
      return { ...facts, escalationCount: facts.escalationCount + 1 };
    case 'CaseFacilityNamed':
      return { ...facts, facilityId: event.data.facilityId };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
