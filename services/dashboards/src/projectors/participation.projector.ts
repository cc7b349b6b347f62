import type { EntityManager } from 'typeorm';
import { TOPICS, type PublicEvent } from '@gongzhi/contracts';
import { dayOf } from '../figures/city-day';
import { BatchRows } from '../read-models/batch-rows';
import { ResidentActivity, type ActivityKind } from '../read-models/resident-activity.entity';
import { publicEventParser, type DashboardProjector, type ProjectorSettings } from './dashboard-projector';

/** The resident an event shows acting of their own accord, and as what; null for anything else. */
function activityOf(event: PublicEvent): { residentId: string; kind: ActivityKind } | null {
  switch (event.type) {
    case 'CaseReported':
      // A grid worker's report is work, not participation; an anonymous report names nobody.
      return event.data.reporterId !== null && event.data.reportedVia !== 'grid_worker'
        ? { residentId: event.data.reporterId, kind: 'report' }
        : null;
    case 'TopicProposed':
      return event.data.proposerId !== null ? { residentId: event.data.proposerId, kind: 'proposal' } : null;
    case 'CommentPosted':
      return { residentId: event.data.authorId, kind: 'comment' };
    case 'NeedOrdered':
      return event.data.residentId !== null ? { residentId: event.data.residentId, kind: 'need' } : null;
    case 'TopicEvaluated':
    case 'BudgetProjectEvaluated':
      return { residentId: event.data.residentId, kind: 'evaluation' };
    case 'MeetingAttended':
      return { residentId: event.data.residentId, kind: 'meeting' };
    case 'BallotCast':
      return { residentId: event.data.voterId, kind: 'ballot' };
    case 'VolunteerHoursDeposited':
      return { residentId: event.data.residentId, kind: 'volunteer' };
    case 'RewardRedeemed':
      return { residentId: event.data.residentId, kind: 'redemption' };
    default:
      return null;
  }
}

/** Active residents: who took part, per day and kind, to count distinct residents over any period. */
export function participationProjector({ timeZone }: ProjectorSettings): DashboardProjector {
  return {
    name: 'dashboards-participation',
    topics: [TOPICS['grid-events'], TOPICS.deliberation, TOPICS.points],
    parser: publicEventParser,
    entities: [ResidentActivity],
    figures: ['participation'],
    figuresOf: (event) => (activityOf(event) ? ['participation'] : []),
    // Most events of its three topics are no resident's own act: they need no inbox row.
    hasEffect: (event) => activityOf(event) !== null,
    async handle(event: PublicEvent, manager: EntityManager) {
      const activity = activityOf(event);
      if (!activity) return;
      await manager
        .createQueryBuilder()
        .insert()
        .into(ResidentActivity)
        .values({ day: dayOf(event.occurredAt, timeZone), ...activity })
        .orIgnore()
        .execute();
    },
    /** The batch's activities, each once, in one insert per 500 that skips those stored: a row says only that it happened, so order does not matter. */
    async handleBatch(events: readonly PublicEvent[], manager: EntityManager) {
      const rows = new BatchRows(ResidentActivity, (r) => `${r.day}\u0000${r.residentId}\u0000${r.kind}`, ['day', 'residentId', 'kind']);
      for (const event of events) {
        const activity = activityOf(event);
        if (activity) rows.put({ day: dayOf(event.occurredAt, timeZone), ...activity });
      }
      await rows.writeTo(manager);
    },
  };
}
