import type { EntityManager } from 'typeorm';
import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { cstMonth } from '../domain/shared/calendar';
import { AwardLog, FlagView, MonthlyScore, ResidentProfile, RewardView } from './points-read-models.entities';

/** The service's own views over its topic: leaderboards, profiles, the catalogue and the flags to review. */
export function pointsProjector(): ConsumerDefinition<PublicEvent> {
  return {
    name: 'points-read-models',
    topics: [TOPICS.points],
    parser: publicEvents,
    async handle(event, manager) {
      switch (event.type) {
        case 'PointsAwarded': {
          const { residentId, communityId, points, sourceEventId, awardedAt } = event.data;
          const profile = await manager.findOneBy(ResidentProfile, { residentId });
          const community = communityId ?? profile?.communityId ?? null;
          const month = cstMonth(new Date(awardedAt));
          await manager.upsert(AwardLog, { residentId, sourceEventId, month, communityId: community }, ['residentId', 'sourceEventId']);
          if (community) await addScore(manager, month, community, residentId, points);
          return;
        }
        case 'PointsReversed': {
          const { residentId, sourceEventId, points } = event.data;
          const logged = await manager.findOneBy(AwardLog, { residentId, sourceEventId });
          if (logged?.communityId) await addScore(manager, logged.month, logged.communityId, residentId, -points);
          return;
        }
        case 'ResidentProfileUpdated':
          await manager.upsert(ResidentProfile, event.data, ['residentId']);
          return;
        case 'RewardListed': {
          const { rewardId, name, description, pricePoints, stock } = event.data;
          await manager.upsert(RewardView, { rewardId, name, description, pricePoints, stock }, ['rewardId']);
          return;
        }
        case 'RewardRestocked':
          await manager.increment(RewardView, { rewardId: event.data.rewardId }, 'stock', event.data.quantity);
          return;
        case 'RewardStockReserved':
          await manager.decrement(RewardView, { rewardId: event.data.rewardId }, 'stock', 1);
          return;
        case 'RewardStockReleased':
          await manager.increment(RewardView, { rewardId: event.data.rewardId }, 'stock', 1);
          return;
        case 'FarmingSuspected': {
          const { residentId, flagId, awardsInWindow, windowMinutes } = event.data;
          await manager.upsert(
            FlagView,
            { residentId, flagId, awardsInWindow, windowMinutes, status: 'open', raisedAt: event.occurredAt },
            ['residentId', 'flagId'],
          );
          return;
        }
        case 'FarmingReviewed':
          await manager.update(FlagView, { residentId: event.data.residentId, flagId: event.data.flagId }, { status: event.data.outcome });
          return;
        default:
          return;
      }
    },
  };
}

async function addScore(manager: EntityManager, month: string, communityId: string, residentId: string, points: number): Promise<void> {
  const key = { month, communityId, residentId };
  const row = await manager.findOneBy(MonthlyScore, key);
  if (row) await manager.update(MonthlyScore, key, { points: row.points + points });
  else await manager.insert(MonthlyScore, { ...key, points });
}
