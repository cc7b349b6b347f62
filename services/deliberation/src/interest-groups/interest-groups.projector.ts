import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { InterestGroupMemberView, InterestGroupView } from './interest-group-views.entity';

/** Keeps the groups of each community and who joined which (its own events, any transport). */
export const interestGroupsProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'deliberation.interest-groups',
  topics: [TOPICS.deliberation],
  parser: publicEvents,
  entities: [InterestGroupView, InterestGroupMemberView],
  handle: (event, manager) => project(event, manager),
};

async function recount(manager: EntityManager, groupId: string): Promise<void> {
  const memberCount = await manager.countBy(InterestGroupMemberView, { groupId });
  await manager.update(InterestGroupView, { groupId }, { memberCount });
}

async function project(event: PublicEvent, manager: EntityManager): Promise<void> {
  switch (event.type) {
    case 'InterestGroupCreated': {
      const { groupId, communityId, name, description } = event.data;
      await manager.save(InterestGroupView, { groupId, communityId, name, description, memberCount: 0, createdAt: event.occurredAt });
      return;
    }
    case 'InterestGroupJoined': {
      const { groupId, residentId } = event.data;
      await manager.save(InterestGroupMemberView, { groupId, residentId, joinedAt: event.occurredAt });
      return recount(manager, groupId);
    }
    case 'InterestGroupLeft': {
      const { groupId, residentId } = event.data;
      await manager.delete(InterestGroupMemberView, { groupId, residentId });
      return recount(manager, groupId);
    }
    default:
      return;
  }
}
