import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { findRow, insertRows, updateRows } from '@gongzhi/persistence';
import { minutesBetween } from '../domain/domain-event';
import { DepartmentScore } from './department-score.entity';
import { addToScore, cityMonth } from './department-scores';
import { EarlyWarningView } from './early-warning.entities';
import { EscalatedCase } from './escalated-case.entity';
import { CommunityTaskView } from './community-task-view.entity';
import { AssignmentView, WhistleDepartmentView, WhistleView } from './work-views.entity';

/** As TypeORM's save of a whole row, in one statement (plain-rows in @gongzhi/persistence). */
const REPLACE = { onConflict: 'replace' } as const;

/** Keeps the inboxes, the street's whistle board and the department scoreboard from this service's own events. */
export const dispatchProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'department-dispatch.read-models',
  topics: [TOPICS['department-dispatch']],
  parser: publicEvents,
  entities: [AssignmentView, WhistleView, WhistleDepartmentView, DepartmentScore, CommunityTaskView, EarlyWarningView],
  async handle(event, manager) {
    if (event.type.startsWith('Assignment')) return projectAssignment(event, manager);
    if (event.type.startsWith('CommunityTask')) return projectCommunityTask(event, manager);
    if (event.type === 'EarlyWarningRaised') {
      const { reason, ...warning } = event.data;
      await insertRows(
        manager,
        EarlyWarningView,
        [{ ...warning, reasonZh: reason.zh, reasonEn: reason.en, raisedAt: event.occurredAt }],
        REPLACE,
      );
      return;
    }
    return projectWhistle(event, manager);
  },
};

async function projectAssignment(event: PublicEvent, manager: EntityManager): Promise<void> {
  if (event.type === 'AssignmentCreated') {
    const d = event.data;
    await insertRows(
      manager,
      AssignmentView,
      [
        {
          assignmentId: d.assignmentId,
          caseId: d.caseId,
          departmentId: d.departmentId,
          categoryCode: d.categoryCode,
          streetId: d.streetId,
          status: 'created',
          createdAt: event.occurredAt,
          acknowledgeBy: d.acknowledgeBy,
          resolveBy: d.resolveBy,
          acknowledgedAt: null,
          closedAt: null,
          withdrawalReason: null,
        },
      ],
      REPLACE,
    );
    await addToScore(manager, { ...d, month: cityMonth(event.occurredAt) }, { assignmentsReceived: 1 });
    return;
  }
  if (!('assignmentId' in event.data)) return;
  const view = await findRow(manager, AssignmentView, { assignmentId: event.data.assignmentId });
  if (!view) return;
  const key = { departmentId: view.departmentId, streetId: view.streetId, month: cityMonth(view.createdAt) };
  switch (event.type) {
    case 'AssignmentAcknowledged':
      await updateRows(
        manager,
        AssignmentView,
        { assignmentId: view.assignmentId },
        { status: 'acknowledged', acknowledgedAt: event.occurredAt },
      );
      await addToScore(manager, key, {
        assignmentsAcknowledged: 1,
        acknowledgedWithinDeadline: event.data.withinDeadline ? 1 : 0,
        acknowledgeMinutesTotal: minutesBetween(view.createdAt, event.occurredAt),
      });
      return;
    case 'AssignmentCompleted':
      await updateRows(manager, AssignmentView, { assignmentId: view.assignmentId }, { status: 'completed', closedAt: event.occurredAt });
      await addToScore(manager, key, {
        assignmentsCompleted: 1,
        completedWithinDeadline: event.data.withinDeadline ? 1 : 0,
        assignmentResolveMinutesTotal: minutesBetween(view.createdAt, event.occurredAt),
      });
      return;
    case 'AssignmentDeclined':
      await updateRows(
        manager,
        AssignmentView,
        { assignmentId: view.assignmentId },
        { status: event.data.kind, closedAt: event.occurredAt },
      );
      await addToScore(manager, key, { assignmentsReturned: 1 });
      return;
    case 'AssignmentWithdrawn':
      await updateRows(
        manager,
        AssignmentView,
        { assignmentId: view.assignmentId },
        { status: 'withdrawn', closedAt: event.occurredAt, withdrawalReason: event.data.reason },
      );
      await addToScore(manager, key, { assignmentsWithdrawn: 1 });
      return;
    default:
      return;
  }
}

async function projectCommunityTask(event: PublicEvent, manager: EntityManager): Promise<void> {
  if (event.type === 'CommunityTaskPushed') {
    const { taskId, communityId, streetId, sourceDepartmentId, title, dueAt } = event.data;
    await insertRows(
      manager,
      CommunityTaskView,
      [
        {
          taskId,
          communityId,
          streetId,
          sourceDepartmentId,
          title,
          dueAt,
          pushedAt: event.occurredAt,
          completedAt: null,
          completedWithinDeadline: null,
        },
      ],
      REPLACE,
    );
    return;
  }
  if (event.type === 'CommunityTaskCompleted') {
    await updateRows(
      manager,
      CommunityTaskView,
      { taskId: event.data.taskId },
      { completedAt: event.occurredAt, completedWithinDeadline: event.data.withinDeadline },
    );
  }
}

async function projectWhistle(event: PublicEvent, manager: EntityManager): Promise<void> {
  if (event.type === 'WhistleBlown') {
    const d = event.data;
    const blownAt = new Date(Date.parse(d.checkInBy) - d.checkInWithinMinutes * 6e4).toISOString();
    const common = { whistleId: d.whistleId, streetId: d.streetId, title: d.title, blownAt, checkInBy: d.checkInBy };
    await insertRows(
      manager,
      WhistleView,
      [{ ...common, caseId: d.caseId, leadDepartmentId: d.leadDepartmentId, status: 'summoned', resolvedAt: null }],
      REPLACE,
    );
    const summoned = d.departmentIds.map((departmentId) => ({
      ...common,
      departmentId,
      lead: departmentId === d.leadDepartmentId,
      checkedInAt: null,
      escalationLevel: null,
      taskDueBy: null,
      taskOverdue: false,
      taskCompletedAt: null,
    }));
    await insertRows(manager, WhistleDepartmentView, summoned, REPLACE);
    for (const departmentId of d.departmentIds) {
      await addToScore(manager, { departmentId, streetId: d.streetId, month: cityMonth(blownAt) }, { summoned: 1 });
    }
    if (d.caseId) await updateRows(manager, EscalatedCase, { caseId: d.caseId }, { whistleId: d.whistleId });
    return;
  }
  if (event.type === 'WhistleResolved') {
    await updateRows(manager, WhistleView, { whistleId: event.data.whistleId }, { status: 'resolved', resolvedAt: event.occurredAt });
    return;
  }
  if (!('whistleId' in event.data) || !('departmentId' in event.data)) return;
  const where = { whistleId: event.data.whistleId, departmentId: event.data.departmentId };
  const view = await findRow(manager, WhistleDepartmentView, where);
  if (!view) return;
  const key = { departmentId: view.departmentId, streetId: view.streetId, month: cityMonth(view.blownAt) };
  switch (event.type) {
    case 'DepartmentCheckedIn':
      await updateRows(manager, WhistleDepartmentView, where, { checkedInAt: event.data.checkedInAt, taskDueBy: event.data.taskDueBy });
      await addToScore(manager, key, {
        checkedIn: 1,
        checkedInWithinDeadline: event.data.withinDeadline ? 1 : 0,
        checkInMinutesTotal: Math.round(event.data.minutesToCheckIn),
      });
      return;
    case 'CheckInMissed':
      await addToScore(manager, key, { checkInsMissed: 1 });
      return;
    case 'WhistleEscalated':
      await updateRows(manager, WhistleDepartmentView, where, { escalationLevel: event.data.level });
      await addToScore(manager, key, { escalations: 1 });
      return;
    case 'WhistleTaskOverdue':
      await updateRows(manager, WhistleDepartmentView, where, { taskOverdue: true });
      await addToScore(manager, key, { tasksOverdue: 1 });
      return;
    case 'WhistleTaskCompleted':
      await updateRows(manager, WhistleDepartmentView, where, { taskCompletedAt: event.occurredAt });
      await addToScore(manager, key, {
        tasksCompleted: 1,
        tasksWithinDeadline: event.data.withinDeadline ? 1 : 0,
        taskResolveMinutesTotal: Math.round(event.data.minutesToResolve),
      });
      return;
    case 'DepartmentEvaluated':
      await addToScore(manager, key, { evaluations: 1, evaluationScoreTotal: event.data.score });
      return;
    default:
      return;
  }
}
