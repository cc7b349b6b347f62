import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { ContestBuilding, ContestBuildingResident } from './contest-read-models.entities';

/** Takes in deliberation's building register (docs/buildings.md), so a 最美楼栋 can name its buildings and their residents. */
export function contestBuildingsProjector(): ConsumerDefinition<PublicEvent> {
  return {
    name: 'points-contest-buildings',
    topics: [TOPICS.deliberation],
    parser: publicEvents,
    async handle(event, manager) {
      if (event.type === 'BuildingRegistered') {
        const { buildingId, communityId, name } = event.data;
        await manager.upsert(ContestBuilding, { buildingId, communityId, name }, ['buildingId']);
      } else if (event.type === 'BuildingResidentRecorded') {
        const { buildingId, residentId } = event.data;
        await manager.upsert(ContestBuildingResident, { buildingId, residentId }, ['buildingId', 'residentId']);
      }
    },
  };
}
