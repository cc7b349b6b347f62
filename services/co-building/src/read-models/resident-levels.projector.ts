import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ResidentPrivilegesView } from './activities-views.entity';

/** Points' LevelReached, kept per resident: levels only rise, so a late or repeated lower level changes nothing. */
export const residentLevelsProjector: ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } = {
  name: 'co-building.resident-levels',
  topics: [TOPICS.points],
  parser: publicEvents,
  entities: [ResidentPrivilegesView],
  handle: async (event, manager: EntityManager) => {
    if (event.type !== 'LevelReached') return;
    const { residentId, level, levelIndex, privileges } = event.data;
    const known = await manager.findOneBy(ResidentPrivilegesView, { residentId });
    if (known && known.levelIndex >= levelIndex) return;
    await manager.save(ResidentPrivilegesView, { residentId, level, levelIndex, privileges: privileges ?? [] });
  },
};
