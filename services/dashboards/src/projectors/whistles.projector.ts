import type { EntityManager } from 'typeorm';
import { TOPICS, departmentDispatchContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf, secondsBetween } from '../figures/city-day';
import { CITY, addToCounters } from '../read-models/daily-counter';
import { WhistleDaily, WhistleFact, WhistleSummons } from '../read-models/whistle.entities';
import { eventsOf, publicEventParser, type DashboardProjector, type ProjectorSettings } from './dashboard-projector';
import { assertNever } from '@gongzhi/eventsourcing';

const isDispatchEvent = eventsOf(departmentDispatchContracts);
const LEVELS = ['street', 'district', 'city'] as const;
type Level = (typeof LEVELS)[number];
const higher = (a: Level | null, b: Level): Level => (a !== null && LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);

/**
 * The whistle (吹哨报到): check-in within the deadline per street and department, escalations, task
 * deadlines, time to resolve, and the departments' evaluations. Assignments are not counted here: a
 * department's case SLAs come from the case events, which carry the department.
 */
export function whistlesProjector({ timeZone }: ProjectorSettings): DashboardProjector {
  return {
    name: 'dashboards-whistles',
    topics: [TOPICS['department-dispatch']],
    parser: publicEventParser,
    entities: [WhistleFact, WhistleSummons, WhistleDaily],
    figures: ['whistles'],
    figuresOf: (event) =>
      isDispatchEvent(event) &&
      !event.type.startsWith('Assignment') &&
      !event.type.startsWith('CommunityTask') &&
      event.type !== 'EarlyWarningRaised' &&
      !event.type.startsWith('Evaluat')
        ? ['whistles']
        : [],
    async handle(event: PublicEvent, manager: EntityManager) {
      if (!isDispatchEvent(event)) return;
      const at = event.occurredAt;
      const day = dayOf(at, timeZone);
      const count = async (streetId: string, departmentId: string | null, deltas: Record<string, number>) => {
        await addToCounters(
          manager,
          WhistleDaily,
          day,
          [
            ['city', CITY],
            ['street', streetId],
            ['department', departmentId],
          ],
          deltas,
        );
      };
      const summonsOf = (whistleId: string, departmentId: string) => manager.findOneBy(WhistleSummons, { whistleId, departmentId });

      switch (event.type) {
        case 'AssignmentCreated':
        case 'AssignmentAcknowledged':
        case 'AssignmentProgressReported':
        case 'AssignmentCompleted':
        case 'AssignmentDeclined':
        case 'AssignmentWithdrawn':
        // Tasks pushed down to communities: department-dispatch keeps their load for the street.
        case 'CommunityTaskPushed':
        case 'CommunityTaskCompleted':
        // Early warnings: department-dispatch lists them for the staff they concern.
        case 'EarlyWarningRaised':
        // Third-party evaluation: the dashboards' evaluation projector keeps its grants and reports.
        case 'EvaluatorAccessGranted':
        case 'EvaluationReportPublished':
          return;
        case 'WhistleBlown': {
          const { data } = event;
          await manager.save(WhistleFact, {
            whistleId: data.whistleId,
            streetId: data.streetId,
            blownAt: at,
            blownDay: day,
            maxEscalationLevel: null,
            escalations: 0,
            resolvedAt: null,
            resolveSeconds: null,
          });
          for (const departmentId of data.departmentIds) {
            await manager.save(WhistleSummons, {
              whistleId: data.whistleId,
              departmentId,
              streetId: data.streetId,
              blownDay: day,
              checkedInAt: null,
              checkInMinutes: null,
              withinDeadline: null,
              missed: false,
              escalationLevel: null,
              taskCompletedAt: null,
              taskMinutes: null,
              taskWithinDeadline: null,
              taskOverdue: false,
              evaluationSum: 0,
              evaluationCount: 0,
            });
            await addToCounters(manager, WhistleDaily, day, [['department', departmentId]], { summons: 1 });
          }
          await addToCounters(
            manager,
            WhistleDaily,
            day,
            [
              ['city', CITY],
              ['street', data.streetId],
            ],
            {
              blown: 1,
              summons: data.departmentIds.length,
            },
          );
          return;
        }
        case 'DepartmentCheckedIn': {
          const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
          if (!summons || summons.checkedInAt !== null) return;
          Object.assign(summons, {
            checkedInAt: event.data.checkedInAt,
            checkInMinutes: event.data.minutesToCheckIn,
            withinDeadline: event.data.withinDeadline,
            escalationLevel: event.data.escalationLevel,
          });
          await manager.save(WhistleSummons, summons);
          await count(summons.streetId, summons.departmentId, { checkIns: 1, checkInsWithinDeadline: event.data.withinDeadline ? 1 : 0 });
          return;
        }
        case 'CheckInMissed': {
          const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
          if (!summons || summons.missed) return;
          summons.missed = true;
          await manager.save(WhistleSummons, summons);
          await count(summons.streetId, summons.departmentId, { missed: 1 });
          return;
        }
        case 'WhistleEscalated': {
          const whistle = await manager.findOneBy(WhistleFact, { whistleId: event.data.whistleId });
          const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
          if (!whistle) return;
          Object.assign(whistle, {
            maxEscalationLevel: higher(whistle.maxEscalationLevel, event.data.level),
            escalations: whistle.escalations + 1,
          });
          await manager.save(WhistleFact, whistle);
          if (summons) {
            summons.escalationLevel = higher(summons.escalationLevel, event.data.level);
            await manager.save(WhistleSummons, summons);
          }
          await count(whistle.streetId, event.data.departmentId, { escalated: 1, [`escalatedTo_${event.data.level}`]: 1 });
          return;
        }
        case 'WhistleTaskCompleted': {
          const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
          if (!summons || summons.taskCompletedAt !== null) return;
          Object.assign(summons, {
            taskCompletedAt: at,
            taskMinutes: event.data.minutesToResolve,
            taskWithinDeadline: event.data.withinDeadline,
          });
          await manager.save(WhistleSummons, summons);
          await count(summons.streetId, summons.departmentId, {
            tasksCompleted: 1,
            tasksWithinDeadline: event.data.withinDeadline ? 1 : 0,
          });
          return;
        }
        case 'WhistleTaskOverdue': {
          const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
          if (!summons || summons.taskOverdue) return;
          summons.taskOverdue = true;
          await manager.save(WhistleSummons, summons);
          await count(summons.streetId, summons.departmentId, { tasksOverdue: 1 });
          return;
        }
        case 'WhistleResolved': {
          const whistle = await manager.findOneBy(WhistleFact, { whistleId: event.data.whistleId });
          if (!whistle || whistle.resolvedAt !== null) return;
          Object.assign(whistle, { resolvedAt: at, resolveSeconds: secondsBetween(whistle.blownAt, at) });
          await manager.save(WhistleFact, whistle);
          await count(whistle.streetId, null, { resolved: 1 });
          return;
        }
        case 'DepartmentEvaluated': {
          const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
          if (!summons) return;
          Object.assign(summons, {
            evaluationSum: summons.evaluationSum + event.data.score,
            evaluationCount: summons.evaluationCount + 1,
          });
          await manager.save(WhistleSummons, summons);
          await count(summons.streetId, summons.departmentId, { evaluations: 1, evaluationSum: event.data.score });
          return;
        }
        default:
          assertNever(event);
      }
    },
  };
}
