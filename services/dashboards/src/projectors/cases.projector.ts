import type { EntityManager } from 'typeorm';
import { TOPICS, gridEventContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf, secondsBetween } from '../figures/city-day';
import { CaseDaily, CaseFact } from '../read-models/case-fact.entity';
import { CITY, addToCounters, type Dimensions } from '../read-models/daily-counter';
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
      // A staff photo is evidence for other services, not a figure of a case.
      if (!isGridEvent(event) || event.type === 'StaffPhotoUploaded') return;
      const at = event.occurredAt;
      const count = async (fact: CaseFact, deltas: Record<string, number>) =>
        addToCounters(manager, CaseDaily, dayOf(at, timeZone), dimensionsOf(fact), deltas);

      if (event.type === 'CaseReported') {
        const { data } = event;
        const fact = manager.create(CaseFact, {
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
          everResolved: false,
          reopenCount: 0,
          satisfaction: null,
          escalated: false,
          closedAt: null,
        });
        await manager.save(CaseFact, fact);
        await count(fact, { reported: 1 });
        return;
      }

      const fact = await manager.findOneBy(CaseFact, { caseId: event.data.caseId });
      // Its report was dead-lettered: nothing to attach the figures to (the dead letter says why).
      if (!fact) return;
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
          await count(fact, { declined: 1 });
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
          if (fact.acknowledgedAt !== null) return;
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
      await manager.save(CaseFact, fact);
      await count(fact, deltas);
    },
  };
}
