import type { EntityManager, EntityTarget } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';

/** A service's own copy of a resident's level and the privileges it holds (one table per service). */
export interface ResidentLevelRow {
  residentId: string;
  levelIndex: number;
  level: string;
  privileges: string[];
}

/**
 * Points' LevelReached, kept per resident in `view`: levels only rise, so a late or repeated lower level changes
 * nothing. Every service that checks a privilege keeps its own table through this one projector, so none asks points
 * at the moment of a command.
 */
export function residentLevelsProjector(
  name: string,
  view: EntityTarget<ResidentLevelRow>,
): ConsumerDefinition<PublicEvent> & { entities: readonly unknown[] } {
  return {
    name,
    topics: [TOPICS.points],
    parser: publicEvents,
    entities: [view],
    handle: async (event, manager: EntityManager) => {
      if (event.type !== 'LevelReached') return;
      const { residentId, level, levelIndex, privileges } = event.data;
      const known = await manager.findOneBy(view, { residentId });
      if (known && known.levelIndex >= levelIndex) return;
      await manager.save(view, { residentId, level, levelIndex, privileges: privileges ?? [] });
    },
  };
}
