import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { VolunteerPoolEntry } from './privileges-views.entity';

/** The residents standing for each role, from this service's own opt-in events. */
export const volunteerPoolProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'deliberation.volunteer-pool',
  topics: [TOPICS.deliberation],
  parser: publicEvents,
  entities: [VolunteerPoolEntry],
  handle: async (event, manager: EntityManager) => {
    if (event.type === 'VolunteerRoleOptedIn') {
      const { residentId, role, communityId } = event.data;
      await manager.save(VolunteerPoolEntry, { residentId, role, communityId });
    } else if (event.type === 'VolunteerRoleOptedOut') {
      const { residentId, role, communityId } = event.data;
      await manager.delete(VolunteerPoolEntry, { residentId, role, communityId });
    }
  },
};
