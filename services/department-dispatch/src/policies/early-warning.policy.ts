import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { boxAround, publicEvents, TOPICS, type PublicEvent, type PublicEventOf } from '@gongzhi/contracts';
import { DomainError, metadataCausedBy, type Actor, type CommandMetadata } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { insertRows, selectRows } from '@gongzhi/persistence';
import { checkInMisses, CHECK_IN_MISSES, repeatProblem, REPEAT, slaRisk, SLA_RISK } from '../domain/early-warning/detectors';
import type { RaiseEarlyWarning } from '../domain/early-warning/early-warning.decider';
import { MissedCheckInRow, ReportedPlaceRow } from '../read-models/early-warning.entities';
import { AssignmentView, WhistleView } from '../read-models/work-views.entity';
import type { DepartmentRegistry } from '../registry/department-registry';

export type RaiseEarlyWarningPort = (warningId: string, command: RaiseEarlyWarning, metadata: CommandMetadata) => Promise<unknown>;

export const EARLY_WARNING_ACTOR: Actor = Object.freeze({ id: 'department-dispatch.early-warning', kind: 'service' });

const DAY_MS = 86_400_000;
const OPEN = ['created', 'acknowledged'];

/** Raises the warning a detector found; a pattern seen again (a redelivery, a growing cluster) is the same warning. */
async function raise(event: PublicEvent, warning: RaiseEarlyWarning | null, run: RaiseEarlyWarningPort): Promise<void> {
  if (!warning) return;
  try {
    await run(warning.data.warningId, warning, metadataCausedBy(event, EARLY_WARNING_ACTOR));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'EARLY_WARNING.ALREADY_RAISED')) throw error;
  }
}

/** 预警 over grid-events: a problem reported again and again at one place. */
export function repeatProblemPolicy(run: RaiseEarlyWarningPort): ConsumerDefinition<PublicEvent> {
  return {
    name: 'department-dispatch.early-warnings.places',
    topics: [TOPICS['grid-events']],
    parser: publicEvents,
    async handle(event, manager) {
      if (event.type !== 'CaseReported' || !event.data.location) return;
      const { caseId, categoryCode, location, streetId, communityId, gridId } = event.data;
      const reported = { caseId, categoryCode, ...location, reportedAt: event.occurredAt, streetId, communityId, gridId };
      const { lat, long } = location;
      await insertRows(
        manager,
        ReportedPlaceRow,
        [{ caseId, categoryCode, lat, long, reportedAt: event.occurredAt, streetId, communityId, gridId }],
        {
          onConflict: 'replace',
        },
      );
      const since = new Date(Date.parse(event.occurredAt) - REPEAT.withinDays * DAY_MS).toISOString();
      // Only the reports around this one: a city's month of one category would otherwise be read for every report.
      const box = boxAround(location, REPEAT.radiusMetres);
      const earlier = await selectRows(
        manager,
        ReportedPlaceRow,
        'repeat-problem-box',
        ({ column, param }) =>
          `${column('categoryCode')} = ${param(0)} AND ${column('lat')} BETWEEN ${param(1)} AND ${param(2)} ` +
          `AND ${column('long')} BETWEEN ${param(3)} AND ${param(4)} AND ${column('reportedAt')} >= ${param(5)}`,
        [categoryCode, box.south, box.north, box.west, box.east, since],
      );
      await raise(event, repeatProblem(reported, earlier), run);
    },
  };
}

/** 预警 over this service's own events: departments that keep missing check-ins, assignments likely to be late. */
export function dispatchWarningsPolicy(run: RaiseEarlyWarningPort, registry: DepartmentRegistry): ConsumerDefinition<PublicEvent> {
  const departmentOf = (id: string) => ({ id, name: registry.department(id)?.name ?? { zh: id, en: id } });
  return {
    name: 'department-dispatch.early-warnings',
    topics: [TOPICS['department-dispatch']],
    parser: publicEvents,
    async handle(event, manager) {
      if (event.type === 'CheckInMissed') return onCheckInMissed(event, manager);
      if (event.type === 'AssignmentCreated') return onAssignmentCreated(event, manager);
    },
  };

  async function onCheckInMissed(event: PublicEventOf<'CheckInMissed'>, manager: EntityManager): Promise<void> {
    const { whistleId, departmentId } = event.data;
    await manager.save(MissedCheckInRow, { whistleId, departmentId, missedAt: event.occurredAt });
    const since = new Date(Date.parse(event.occurredAt) - CHECK_IN_MISSES.withinDays * DAY_MS).toISOString();
    const misses = await manager.find(MissedCheckInRow, { where: { departmentId, missedAt: MoreThanOrEqual(since) } });
    const whistle = await manager.findOneBy(WhistleView, { whistleId });
    await raise(event, checkInMisses(departmentOf(departmentId), misses, new Date(event.occurredAt), whistle?.streetId ?? null), run);
  }

  async function onAssignmentCreated(event: PublicEventOf<'AssignmentCreated'>, manager: EntityManager): Promise<void> {
    const d = event.data;
    const openAhead = await manager.count(AssignmentView, { where: { departmentId: d.departmentId, status: In(OPEN) } });
    const since = new Date(Date.parse(event.occurredAt) - SLA_RISK.historyDays * DAY_MS).toISOString();
    const completed = await manager.find(AssignmentView, {
      where: { departmentId: d.departmentId, status: 'completed', closedAt: MoreThanOrEqual(since) },
    });
    const hours = completed.flatMap((a) => (a.closedAt ? [(Date.parse(a.closedAt) - Date.parse(a.createdAt)) / 3_600_000] : []));
    const assignment = { ...d, streetId: d.streetId };
    // The read model may not hold this very assignment yet; it is never counted as ahead of itself.
    const ahead = openAhead - ((await manager.countBy(AssignmentView, { assignmentId: d.assignmentId })) > 0 ? 1 : 0);
    await raise(event, slaRisk(assignment, departmentOf(d.departmentId), Math.max(0, ahead), hours, new Date(event.occurredAt)), run);
  }
}
