import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import type { EntityManager } from 'typeorm';
import { cachedSql, findRow, insertRows, sqlNames, updateRows } from '@gongzhi/persistence';
import { notificationFor } from '../notifications/notification-messages';
import type { ReferenceData } from '../reference-data/reference-data';
import { CaseFollower, CaseReporter } from './case-reporter.entity';
import { recordReportTime } from './case-report-times';
import { CaseView } from './case-view.entity';
import { ReporterNotification } from './reporter-notification.entity';

const STATUS_BY_EVENT: Partial<Record<PublicEvent['type'], string>> = {
  CaseReported: 'Reported',
  CaseAccepted: 'Accepted',
  CaseRejected: 'Rejected',
  CaseMerged: 'Merged',
  CaseDispatched: 'Dispatched',
  CaseAssignmentDeclined: 'Accepted',
  CaseAcknowledged: 'Acknowledged',
  CaseResolved: 'Resolved',
  CaseConfirmed: 'Confirmed',
  CaseReopened: 'Acknowledged',
  CaseClosed: 'Closed',
};

/** Keeps the case list, the followers of merged duplicates and the reporters' notifications from this service's own topic. */
export function caseViewsProjector(topic: string, reference: ReferenceData, cityTimeZone: string): ConsumerDefinition<PublicEvent> {
  return {
    name: 'grid-events.case-views',
    topics: [topic],
    parser: publicEvents,
    async handle(event, manager) {
      if (!event.type.startsWith('Case') || !('caseId' in event.data)) return;
      const at = event.recordedAt ?? event.occurredAt;
      await applyToView(event, manager, at);
      await notify(event, manager, reference, cityTimeZone, at);
    },
  };
}

async function applyToView(event: PublicEvent, manager: EntityManager, at: string): Promise<void> {
  if (event.type === 'CaseReported') {
    const d = event.data;
    await insertRows(
      manager,
      CaseView,
      [
        {
          caseId: d.caseId,
          status: 'Reported',
          categoryCode: d.categoryCode,
          description: d.description,
          lat: d.location?.lat ?? null,
          long: d.location?.long ?? null,
          address: d.address,
          gridId: d.gridId,
          communityId: d.communityId,
          streetId: d.streetId,
          reporterId: d.reporterId,
          anonymous: d.anonymous,
          reportedVia: d.reportedVia,
          open311Client: d.reportedVia === 'open311' ? open311ClientOf(event.actor?.id) : null,
          photoIds: JSON.stringify(d.photoIds),
          afterPhotoIds: '[]',
          assigneeKind: null,
          assigneeId: null,
          departmentId: null,
          acknowledgeBy: null,
          resolveBy: null,
          statusNotes: null,
          mergedInto: null,
          score: null,
          facilityId: d.facilityId ?? null,
          overdue: false,
          reportedAt: at,
          updatedAt: at,
        },
      ],
      { onConflict: 'replace' },
    );
    await recordReportTime(manager, d.caseId, at);
    return;
  }
  const caseId = (event.data as { caseId: string }).caseId;
  const view = await findRow(manager, CaseView, { caseId });
  if (!view) return;
  const status = STATUS_BY_EVENT[event.type] ?? view.status;
  const change: Partial<CaseView> = { status, updatedAt: at };
  switch (event.type) {
    case 'CaseAccepted':
      change.categoryCode = event.data.categoryCode;
      change.statusNotes = null;
      break;
    case 'CaseRejected':
    case 'CaseVoided':
      change.statusNotes = event.data.reason;
      break;
    case 'CaseMerged':
      change.mergedInto = event.data.intoCaseId;
      change.statusNotes = `merged into case ${event.data.intoCaseId}`;
      await followMergedTarget(manager, caseId, event.data.intoCaseId, at);
      break;
    case 'CaseDispatched':
      Object.assign(change, {
        assigneeKind: event.data.assigneeKind,
        assigneeId: event.data.assigneeId,
        departmentId: event.data.departmentId,
        acknowledgeBy: event.data.acknowledgeBy,
        resolveBy: event.data.resolveBy,
        overdue: false,
      });
      break;
    case 'CaseAssignmentDeclined':
      Object.assign(change, { assigneeKind: null, assigneeId: null, departmentId: null, statusNotes: event.data.reason });
      break;
    case 'CaseResolved':
      change.afterPhotoIds = JSON.stringify(event.data.afterPhotoIds);
      change.statusNotes = event.data.notes;
      break;
    case 'CaseReopened':
      change.statusNotes = event.data.reason;
      // The assignee's new resolve-by time: not overdue until it passes.
      if (event.data.resolveBy) Object.assign(change, { resolveBy: event.data.resolveBy, overdue: false });
      // Nobody held it: back in the queue to be dispatched (the case's own state says the same).
      if (event.data.resolveBy === null && !view.assigneeKind) change.status = 'Accepted';
      break;
    case 'CaseEvaluated':
      change.score = event.data.score;
      break;
    case 'CaseFacilityNamed':
      change.facilityId = event.data.facilityId;
      break;
    case 'CaseAcknowledgeOverdue':
    case 'CaseResolutionOverdue':
      change.overdue = true;
      break;
    default:
      break;
  }
  await updateRows(manager, CaseView, { caseId }, change);
}

const OPEN311_ACTOR_PREFIX = 'open311:';

/** Open311 reports carry their client in the actor (`open311:<client>`), the only place it is recorded. */
function open311ClientOf(actorId: string | undefined): string | null {
  return actorId?.startsWith(OPEN311_ACTOR_PREFIX) ? actorId.slice(OPEN311_ACTOR_PREFIX.length) : null;
}

/** The reporter of a duplicate follows the case it was merged into. */
async function followMergedTarget(manager: EntityManager, caseId: string, intoCaseId: string, at: string): Promise<void> {
  const reporter = await findRow(manager, CaseReporter, { caseId });
  if (!reporter) return;
  await insertRows(manager, CaseFollower, [{ caseId: intoCaseId, followerId: reporter.reporterId, since: at }], { onConflict: 'replace' });
}

async function notify(
  event: PublicEvent,
  manager: EntityManager,
  reference: ReferenceData,
  cityTimeZone: string,
  at: string,
): Promise<void> {
  const text = notificationFor(event, reference, cityTimeZone);
  if (!text) return;
  const caseId = (event.data as { caseId: string }).caseId;
  const recipients: Array<{ recipient_id: string }> = await manager.query(recipientsSql(manager), [caseId, caseId]);
  await insertRows(
    manager,
    ReporterNotification,
    recipients.map(({ recipient_id: recipientId }) => ({
      id: `${event.eventId}:${recipientId}`,
      recipientId,
      caseId,
      kind: text.kind,
      messageZh: text.zh,
      messageEn: text.en,
      createdAt: at,
      readAt: null,
      deliveredAt: null,
      deliveryAttempts: 0,
    })),
    { onConflict: 'replace' },
  );
}

/** The case's reporter and its followers, each once, in one statement. */
function recipientsSql(manager: EntityManager): string {
  const followers = sqlNames(manager, CaseFollower);
  return cachedSql(
    manager,
    CaseReporter,
    'notification-recipients',
    ({ table, column, param }) =>
      `SELECT ${column('reporterId')} AS recipient_id FROM ${table} WHERE ${column('caseId')} = ${param(0)} UNION ` +
      `SELECT ${followers.column('followerId')} FROM ${followers.table} WHERE ${followers.column('caseId')} = ${param(1)}`,
  );
}
