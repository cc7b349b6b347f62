import type { EntityManager } from 'typeorm';
import { TOPICS, departmentDispatchContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf, secondsBetween } from '../figures/city-day';
import { BatchRows } from '../read-models/batch-rows';
import { CounterDeltas } from '../read-models/counter-deltas';
import { CITY, addToCounters, type Dimensions } from '../read-models/daily-counter';
import { WhistleDaily, WhistleFact, WhistleSummons } from '../read-models/whistle.entities';
import { eventsOf, publicEventParser, type DashboardProjector, type ProjectorSettings } from './dashboard-projector';
import { assertNever } from '@gongzhi/eventsourcing';

const isDispatchEvent = eventsOf(departmentDispatchContracts);
type DispatchEventType = (typeof departmentDispatchContracts)[number]['type'];
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
      await whistleStep(event, timeZone, {
        whistle: (whistleId) => manager.findOneBy(WhistleFact, { whistleId }),
        summons: (whistleId, departmentId) => manager.findOneBy(WhistleSummons, { whistleId, departmentId }),
        saveWhistle: async (whistle) => void (await manager.save(WhistleFact, whistle)),
        saveSummons: async (summons) => void (await manager.save(WhistleSummons, summons)),
        count: (day, dimensions, deltas) => addToCounters(manager, WhistleDaily, day, dimensions, deltas),
      });
    },
    /**
     * The same steps for a batch: the batch's whistles and their summons read in two queries and changed in
     * memory, then one upsert per table and one increment per counter row. A whistle's events come in order
     * on its own stream; counters are shared, hence the increments in SQL.
     */
    async handleBatch(events: readonly PublicEvent[], manager: EntityManager) {
      const mine = events.filter(isDispatchEvent);
      const ids = mine.flatMap((e) => ('whistleId' in e.data ? [e.data.whistleId] : []));
      const whistles = await new BatchRows(WhistleFact, (w) => w.whistleId, ['whistleId']).load(manager, 'whistleId', ids);
      const summonses = await new BatchRows(WhistleSummons, summonsKey, ['whistleId', 'departmentId']).load(manager, 'whistleId', ids);
      const counters = new CounterDeltas();
      for (const event of mine) {
        await whistleStep(event, timeZone, {
          whistle: async (whistleId) => whistles.get(whistleId),
          summons: async (whistleId, departmentId) => summonses.get(summonsKey({ whistleId, departmentId })),
          saveWhistle: async (whistle) => whistles.put(whistle),
          saveSummons: async (summons) => summonses.put(summons),
          count: async (day, dimensions, deltas) => counters.add(day, dimensions, deltas),
        });
      }
      await whistles.writeTo(manager);
      await summonses.writeTo(manager);
      await counters.writeTo(manager, WhistleDaily);
    },
  };
}

const summonsKey = (s: Pick<WhistleSummons, 'whistleId' | 'departmentId'>) => `${s.whistleId}\u0000${s.departmentId}`;

interface WhistleWrites {
  /** The whistle's row as stored (a copy the step may change), null when there is none. */
  whistle(whistleId: string): Promise<WhistleFact | null>;
  summons(whistleId: string, departmentId: string): Promise<WhistleSummons | null>;
  saveWhistle(whistle: WhistleFact): Promise<void>;
  saveSummons(summons: WhistleSummons): Promise<void>;
  count(day: string, dimensions: Dimensions, deltas: Record<string, number>): Promise<void>;
}

/** What one dispatch event does to the whistle rows and the counters; one function for both writers. */
async function whistleStep(event: Extract<PublicEvent, { type: DispatchEventType }>, timeZone: string, writes: WhistleWrites) {
  const at = event.occurredAt;
  const day = dayOf(at, timeZone);
  const count = async (streetId: string, departmentId: string | null, deltas: Record<string, number>) => {
    await writes.count(
      day,
      [
        ['city', CITY],
        ['street', streetId],
        ['department', departmentId],
      ],
      deltas,
    );
  };
  const summonsOf = (whistleId: string, departmentId: string) => writes.summons(whistleId, departmentId);

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
      await writes.saveWhistle({
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
        await writes.saveSummons({
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
        await writes.count(day, [['department', departmentId]], { summons: 1 });
      }
      await writes.count(
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
      await writes.saveSummons(summons);
      await count(summons.streetId, summons.departmentId, { checkIns: 1, checkInsWithinDeadline: event.data.withinDeadline ? 1 : 0 });
      return;
    }
    case 'CheckInMissed': {
      const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
      if (!summons || summons.missed) return;
      summons.missed = true;
      await writes.saveSummons(summons);
      await count(summons.streetId, summons.departmentId, { missed: 1 });
      return;
    }
    case 'WhistleEscalated': {
      const whistle = await writes.whistle(event.data.whistleId);
      const summons = await summonsOf(event.data.whistleId, event.data.departmentId);
      if (!whistle) return;
      Object.assign(whistle, {
        maxEscalationLevel: higher(whistle.maxEscalationLevel, event.data.level),
        escalations: whistle.escalations + 1,
      });
      await writes.saveWhistle(whistle);
      if (summons) {
        summons.escalationLevel = higher(summons.escalationLevel, event.data.level);
        await writes.saveSummons(summons);
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
      await writes.saveSummons(summons);
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
      await writes.saveSummons(summons);
      await count(summons.streetId, summons.departmentId, { tasksOverdue: 1 });
      return;
    }
    case 'WhistleResolved': {
      const whistle = await writes.whistle(event.data.whistleId);
      if (!whistle || whistle.resolvedAt !== null) return;
      Object.assign(whistle, { resolvedAt: at, resolveSeconds: secondsBetween(whistle.blownAt, at) });
      await writes.saveWhistle(whistle);
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
      await writes.saveSummons(summons);
      await count(summons.streetId, summons.departmentId, { evaluations: 1, evaluationSum: event.data.score });
      return;
    }
    default:
      assertNever(event);
  }
}
