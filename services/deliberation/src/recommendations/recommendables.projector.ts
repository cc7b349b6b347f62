import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { RecommendableView } from './recommendation-views.entity';

/** Keeps the open topics and the council meetings the recommender chooses from (its own events, any transport). */
export const recommendablesProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'deliberation.recommendables',
  topics: [TOPICS.deliberation],
  parser: publicEvents,
  entities: [RecommendableView],
  handle: (event, manager) => project(event, manager),
};

async function update(manager: EntityManager, itemKey: string, change: Partial<RecommendableView>): Promise<void> {
  const view = await manager.findOneBy(RecommendableView, { itemKey });
  if (view) await manager.save(RecommendableView, { ...view, ...change });
}

async function project(event: PublicEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'TopicProposed': {
      const { topicId, communityId, gridId, title, description } = event.data;
      await manager.save(RecommendableView, {
        itemKey: `topic:${topicId}`,
        kind: 'topic',
        itemId: topicId,
        communityId,
        gridId,
        title,
        text: description,
        stage: 'Proposed',
        meetingAt: null,
        closesAt: null,
        groupId: null,
        groupName: null,
      });
      return;
    }
    case 'TopicScopedToGroup':
      return update(manager, `topic:${event.data.topicId}`, { groupId: event.data.groupId, groupName: event.data.groupName });
    case 'DiscussionOpened':
      return update(manager, `topic:${event.data.topicId}`, { stage: 'Discussion', meetingAt: event.data.meetingAt });
    case 'VotingOpened':
      return update(manager, `topic:${event.data.topicId}`, { stage: 'Voting', closesAt: event.data.closesAt });
    case 'VotingClosed':
      return update(manager, `topic:${event.data.topicId}`, { stage: 'VotingClosed' });
    case 'CouncilMeetingScheduled': {
      const { meetingId, communityId, title, scheduledAt, agenda } = event.data;
      await manager.save(RecommendableView, {
        itemKey: `meeting:${meetingId}`,
        kind: 'meeting',
        itemId: meetingId,
        communityId,
        gridId: null,
        title,
        text: agenda.map((a) => a.title).join('\n'),
        stage: 'Scheduled',
        meetingAt: scheduledAt,
        closesAt: null,
        groupId: null,
        groupName: null,
      });
      return;
    }
    case 'CouncilMeetingStarted':
      return update(manager, `meeting:${event.data.meetingId}`, { stage: 'InSession' });
    case 'CouncilMeetingEnded':
      return update(manager, `meeting:${event.data.meetingId}`, { stage: 'Ended' });
    default:
      return;
  }
}
