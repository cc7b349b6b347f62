import { ANONYMOUS_ACTOR, type RecordedEvent } from '@gongzhi/eventsourcing';
import type { CaseFacts } from '../../domain/case/case.state';
import type { CaseSight } from '../../application/case-visibility';
import type { ListedCase } from './case-lists';

/** A case as its reader may see it (caseSight decided `full`): the reporter's id only where the rule allows. */
export function presentCase(state: CaseFacts, sight: CaseSight, reportedByYou: boolean) {
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
    reporterId: sight.reporterId,
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
    facilityId: state.facilityId,
  };
}

/** The steps of the loop as a timeline; the actor of an anonymous reporter's steps is never named. */
export function timelineOf(events: readonly RecordedEvent[]) {
  return events.map((e) => ({
    type: e.type,
    at: e.occurredAt,
    by: e.actor ? (e.actor.id === ANONYMOUS_ACTOR.id ? ANONYMOUS_ACTOR.id : (e.actor.roles?.[0] ?? e.actor.kind)) : null,
  }));
}

export function presentListItem(view: ListedCase, sight: CaseSight) {
  return {
    caseId: view.caseId,
    status: view.status,
    categoryCode: view.categoryCode,
    description: view.description,
    location: view.lat === null || view.long === null ? null : { lat: view.lat, long: view.long },
    address: view.address,
    gridId: view.gridId,
    anonymous: view.anonymous,
    reporterId: sight.reporterId,
    assigneeKind: view.assigneeKind,
    departmentId: view.departmentId,
    resolveBy: view.resolveBy,
    overdue: view.overdue,
    reportedAt: view.reportedAt,
    updatedAt: view.updatedAt,
  };
}
