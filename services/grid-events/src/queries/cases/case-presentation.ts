import type { RecordedEvent } from '@gongzhi/eventsourcing';
import type { CaseFacts } from '../../domain/case/case.state';
import type { CaseView } from '../../read-models/case-view.entity';

/** Statuses anyone signed in may see: past triage, so neither nonsense nor personal details are on show. */
export const PUBLIC_STATUSES = ['Accepted', 'Dispatched', 'Acknowledged', 'Resolved', 'Confirmed', 'Closed', 'Merged'];

/** A case as its readers see it: an anonymous reporter is hidden from everyone but themself. */
export function presentCase(state: CaseFacts, reportedByYou: boolean) {
  const r = state.report;
  return {
    caseId: state.caseId,
    status: state.status,
    categoryCode: state.categoryCode,
    description: r.description,
    location: r.location,
    address: r.address,
    gridId: r.gridId,
    communityId: r.communityId,
    streetId: r.streetId,
    anonymous: r.anonymous,
    reporterId: r.anonymous ? null : r.reporterId,
    reportedByYou,
    reportedVia: r.reportedVia,
    photoIds: r.photoIds,
    afterPhotoIds: state.resolution?.afterPhotoIds ?? [],
    resolutionNotes: state.resolution?.notes ?? null,
    assignment: state.assignment,
    autoCloseAt: state.autoCloseAt,
    evaluation: state.evaluation,
    voidReason: state.voidReason,
    rejectionReason: state.rejectionReason,
    mergedInto: state.mergedInto,
    closeReason: state.closeReason,
    reopenCount: state.reopenCount,
  };
}

/** The steps of the loop as a timeline; the actor of an anonymous reporter's steps is never named. */
export function timelineOf(events: readonly RecordedEvent[]) {
  return events.map((e) => ({
    type: e.type,
    at: e.occurredAt,
    by: e.actor ? (e.actor.id === 'anonymous' ? 'anonymous' : (e.actor.roles?.[0] ?? e.actor.kind)) : null,
  }));
}

export function presentListItem(view: CaseView) {
  return {
    caseId: view.caseId,
    status: view.status,
    categoryCode: view.categoryCode,
    description: view.description,
    location: view.lat === null || view.long === null ? null : { lat: view.lat, long: view.long },
    address: view.address,
    gridId: view.gridId,
    anonymous: view.anonymous,
    reporterId: view.anonymous ? null : view.reporterId,
    assigneeKind: view.assigneeKind,
    departmentId: view.departmentId,
    resolveBy: view.resolveBy,
    overdue: view.overdue,
    reportedAt: view.reportedAt,
    updatedAt: view.updatedAt,
  };
}
