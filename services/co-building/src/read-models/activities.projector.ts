import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ActivityView } from './activities-views.entity';

/** Keeps each community's activities with how many signed up, from this service's own events. */
export const activitiesProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'co-building.activities',
  topics: [TOPICS['co-building']],
  parser: publicEvents,
  entities: [ActivityView],
  handle: async (event, manager) => {
    if (event.type === 'CommunityActivityScheduled') {
      const { activityId, communityId, title, startsAt, signUpOpensAt, capacity } = event.data;
      await manager.save(ActivityView, { activityId, communityId, title, startsAt, signUpOpensAt, capacity, signedUp: 0 });
    } else if (event.type === 'ActivitySignedUp') {
      await manager.increment(ActivityView, { activityId: event.data.activityId }, 'signedUp', 1);
    }
  },
};
