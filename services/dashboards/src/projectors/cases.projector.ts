import type { EntityManager } from 'typeorm';
import { TOPICS, gridEventContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf, secondsBetween } from '../figures/city-day';
import { BatchRows } from '../read-models/batch-rows';
import { CaseDaily, CaseFact } from '../read-models/case-fact.entity';
import { CITY, addToCounters, type Dimensions } from '../read-models/daily-counter';
import { CounterDeltas } from '../read-models/counter-deltas';
import { eventsOf, publicEventParser, type DashboardProjector, type ProjectorSettings } from './dashboard-projector';
import { assertNever } from '@gongzhi/eventsourcing';

const isGridEvent = eventsOf(gridEventContracts);

function dimensionsOf(fact: CaseFact): Dimensions {
  return [
    ['city', CITY],
    ['street', fact.streetId],
    ['grid', fact.gridId],
    ['category', fact.categoryCode],
    ['department', fact.departmentId],
  ];
}

/**
 * Case SLAs (事件闭环): a fact row per case and daily counters per city, street, grid, category and
 * department. Every figure depends only on the events of one case stream, which every bus keeps in order,
 * so a replay gives the same rows.
 */
export function casesProjector({ timeZone }: ProjectorSettings): DashboardProjector {
  return {
    name: 'dashboards-cases',
    topics: [TOPICS['grid-events']],
    parser: publicEventParser,
    entities: [CaseFact, CaseDaily],
    figures: ['cases'],
    figuresOf: (event) => (isGridEvent(event) ? ['cases'] : []),
    async handle(event: PublicEvent, manager: EntityManager) {
      if (!isGridEvent(event)) return;
      const stored = 'caseId' in event.data ? await manager.findOneBy(CaseFact, { caseId: event.data.caseId }) : null;
      const step = caseStep(event, () => stored, timeZone);
      if (!step) return;
      await manager.save(CaseFact, step.fact);
      for (const { day, dimensions, deltas } of step.counts) await addToCounters(manager, CaseDaily, day, dimensions, deltas);
    },
    /**
     * The same steps for a whole batch: the batch's facts read in one query, every step taken in memory in
     * order, then one upsert of the changed facts and one atomic increment per counter row. A case's events all
     * come in order through one partition, so no other member writes its fact meanwhile; counters are shared,
     * hence the increments in SQL.
     */
    async handleBatch(events: readonly PublicEvent[], manager: EntityManager) {
      const ids = events.flatMap((e) => (isGridEvent(e) && 'caseId' in e.data ? [e.data.caseId] : []));
      const facts = await new BatchRows(CaseFact, (f) => f.caseId, ['caseId']).load(manager, 'caseId', ids);
      const counters = new CounterDeltas();
      for (const event of events) {
        // A step never changes the fact it is given, so it may have the row itself rather than a copy.
        const step = caseStep(event, (caseId) => facts.peek(caseId), timeZone);
        if (!step) continue;
        facts.replace(step.fact); // a new fact, every column set
        for (const { day, dimensions, deltas } of step.counts) counters.add(day, dimensions, deltas);
      }
      await facts.writeTo(manager);
      await counters.writeTo(manager, CaseDaily);
    },
  };
}

interface CaseCount {
  readonly day: string;
  readonly dimensions: Dimensions;
  readonly deltas: Readonly<Record<string, number>>;
}

/**
 * What one event does to its case's fact and to the counters: the fact after it (a new object; the stored
 * one is not changed) and the counts it adds, each under the fact's dimensions at that moment. Null when the
 * event changes nothing. One function for the per-event and the batched writers, so both give the same rows.
 */
function caseStep(
  event: PublicEvent,
  facts: (caseId: string) => CaseFact | null,
  timeZone: string,
): { fact: CaseFact; counts: CaseCount[] } | null {
  // A staff photo is evidence for other services, and the grid register (base data) is not a case: neither is a case's figure.
  if (
    !isGridEvent(event) ||
    event.type === 'StaffPhotoUploaded' ||
    event.type === 'BaseRecordRegistered' ||
    event.type === 'BaseRecordAmended' ||
    event.type === 'BaseRecordRetired' ||
    event.type === 'CaseFacilityNamed'
  )
    return null;
  const at = event.occurredAt;
  const counts: CaseCount[] = [];
  const count = (fact: CaseFact, deltas: Record<string, number>) =>
    counts.push({ day: dayOf(at, timeZone), dimensions: dimensionsOf(fact), deltas: { ...deltas } });

  if (event.type === 'CaseReported') {
    const { data } = event;
    const fact = Object.assign(new CaseFact(), {
      caseId: data.caseId,
      categoryCode: data.categoryCode,
      gridId: data.gridId,
      communityId: data.communityId,
      streetId: data.streetId,
      departmentId: null,
      status: 'reported',
      reportedAt: at,
      reportedDay: dayOf(at, timeZone),
      dispatchedAt: null,
      acknowledgeBy: null,
      resolveBy: null,
      acknowledgedAt: null,
      acknowledgeSeconds: null,
      acknowledgedWithinSla: null,
      resolvedAt: null,
      resolveSeconds: null,
      resolvedWithinSla: null,
      resolvedBy: null,
      everResolved: false,
      reopenCount: 0,
      satisfaction: null,
      escalated: false,
      closedAt: null,
    });
    count(fact, { reported: 1 });
    return { fact, counts };
  }

  const stored = facts(event.data.caseId);
  // Its report was dead-lettered: nothing to attach the figures to (the dead letter says why).
  if (!stored) return null;
  const fact = Object.assign(new CaseFact(), stored);
  const deltas: Record<string, number> = {};
  switch (event.type) {
    case 'CaseAccepted':
      Object.assign(fact, {
        status: 'accepted',
        categoryCode: event.data.categoryCode,
        gridId: event.data.gridId,
        communityId: event.data.communityId,
        streetId: event.data.streetId,
      });
      deltas.accepted = 1;
      break;
    case 'CaseRejected':
      fact.status = 'rejected';
      deltas.rejected = 1;
      break;
    case 'CaseVoided':
      // Found invalid after acceptance: the CaseClosed that follows an open case counts the close.
      break;
    case 'CaseMerged':
      fact.status = 'merged';
      deltas.merged = 1;
      break;
    case 'CaseDispatched':
      Object.assign(fact, {
        status: 'dispatched',
        categoryCode: event.data.categoryCode,
        departmentId: event.data.departmentId,
        dispatchedAt: at,
        acknowledgeBy: event.data.acknowledgeBy,
        resolveBy: event.data.resolveBy,
        acknowledgedAt: null,
        acknowledgeSeconds: null,
        acknowledgedWithinSla: null,
      });
      deltas.dispatched = 1;
      break;
    case 'CaseAssignmentDeclined':
      // Counted against the declining department; the case waits for a new dispatch.
      count(fact, { declined: 1 });
      Object.assign(fact, {
        status: 'accepted',
        departmentId: null,
        dispatchedAt: null,
        acknowledgeBy: null,
        resolveBy: null,
        acknowledgedAt: null,
        acknowledgeSeconds: null,
        acknowledgedWithinSla: null,
      });
      break;
    case 'CaseAcknowledged': {
      if (fact.acknowledgedAt !== null) return null;
      const within = fact.acknowledgeBy === null ? null : Date.parse(at) <= Date.parse(fact.acknowledgeBy);
      Object.assign(fact, {
        status: 'acknowledged',
        acknowledgedAt: at,
        acknowledgeSeconds: secondsBetween(fact.dispatchedAt ?? fact.reportedAt, at),
        acknowledgedWithinSla: within,
      });
      deltas.acknowledged = 1;
      deltas.acknowledgedWithinSla = within ? 1 : 0;
      break;
    }
    case 'CaseResolved': {
      const within = fact.resolveBy === null ? null : Date.parse(at) <= Date.parse(fact.resolveBy);
      Object.assign(fact, {
        status: 'resolved',
        resolvedAt: at,
        resolveSeconds: secondsBetween(fact.reportedAt, at),
        resolvedWithinSla: within,
        resolvedBy: event.actor?.kind === 'user' ? event.actor.id : null,
        everResolved: true,
      });
      deltas.resolved = 1;
      deltas.resolvedWithinSla = within ? 1 : 0;
      deltas.resolveSecondsSum = secondsBetween(fact.reportedAt, at);
      break;
    }
    case 'CaseConfirmed':
      fact.status = 'confirmed';
      deltas.confirmed = 1;
      break;
    case 'CaseReopened':
      Object.assign(fact, {
        status: 'reopened',
        reopenCount: fact.reopenCount + 1,
        resolvedAt: null,
        resolveSeconds: null,
        resolvedWithinSla: null,
        resolvedBy: null,
      });
      deltas.reopened = 1;
      break;
    case 'CaseEvaluated':
      fact.satisfaction = event.data.score;
      deltas.evaluated = 1;
      deltas.satisfactionSum = event.data.score;
      break;
    case 'CaseClosed':
      Object.assign(fact, { status: 'closed', closedAt: at });
      deltas.closed = 1;
      break;
    case 'CaseAcknowledgeOverdue':
      deltas.acknowledgeOverdue = 1;
      break;
    case 'CaseResolutionOverdue':
      deltas.resolutionOverdue = 1;
      break;
    case 'CaseEscalated':
      fact.escalated = true;
      deltas.escalated = 1;
      break;
    default:
      assertNever(event);
  }
  count(fact, deltas);
  return { fact, counts };
}
