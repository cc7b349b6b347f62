import type { EntityManager } from 'typeorm';
import { TOPICS, pointsContracts, type PublicEvent } from '@gongzhi/contracts';
import { dayOf } from '../figures/city-day';
import { CITY, addToCounters, type Dimensions } from '../read-models/daily-counter';
import { BatchRows } from '../read-models/batch-rows';
import { CounterDeltas } from '../read-models/counter-deltas';
import { PointsDaily, ResidentHonour } from '../read-models/points.entities';
import { eventsOf, publicEventParser, type DashboardProjector, type Figure, type ProjectorSettings } from './dashboard-projector';
import { assertNever } from '@gongzhi/eventsourcing';

const isPointsEvent = eventsOf(pointsContracts);
type PointsEventType = (typeof pointsContracts)[number]['type'];
const MOVES_HONOUR_ROLL = new Set<string>([
  'PointsAwarded',
  'PointsReversed',
  'ResidentProfileUpdated',
  'LevelReached',
  'BadgeEarned',
  'VolunteerHoursDeposited',
]);

/**
 * Points issued and redeemed (积分), volunteer hours (时间银行), and the honour roll (居民功劳簿).
 * Per-community figures use the community the event itself names (an award does); anything else is
 * counted for the city, because a lookup across streams would not replay the same on Kafka.
 */
export function pointsProjector({ timeZone }: ProjectorSettings): DashboardProjector {
  return {
    name: 'dashboards-points',
    topics: [TOPICS.points],
    parser: publicEventParser,
    entities: [PointsDaily, ResidentHonour],
    figures: ['points', 'honour-roll'],
    figuresOf: (event): Figure[] =>
      !isPointsEvent(event) ? [] : MOVES_HONOUR_ROLL.has(event.type) ? ['points', 'honour-roll'] : ['points'],
    async handle(event: PublicEvent, manager: EntityManager) {
      if (!isPointsEvent(event)) return;
      await pointsStep(event, timeZone, {
        honour: (residentId) => manager.findOneBy(ResidentHonour, { residentId }),
        saveHonour: async (honour) => void (await manager.save(ResidentHonour, honour)),
        count: (day, dimensions, deltas) => addToCounters(manager, PointsDaily, day, dimensions, deltas),
      });
    },
    /**
     * The same steps for a batch: its residents' honour rows read in one query and changed in memory, then
     * one upsert of the changed rows and one increment per counter row. A resident's ledger events come in
     * order through one partition; counters are shared, hence the increments in SQL.
     */
    async handleBatch(events: readonly PublicEvent[], manager: EntityManager) {
      const mine = events.filter(isPointsEvent);
      const ids = mine.flatMap((e) => ('residentId' in e.data ? [e.data.residentId] : []));
      const honours = await new BatchRows(ResidentHonour, (h) => h.residentId, ['residentId']).load(manager, 'residentId', ids);
      const counters = new CounterDeltas();
      for (const event of mine) {
        await pointsStep(event, timeZone, {
          honour: async (residentId) => honours.get(residentId),
          saveHonour: async (honour) => honours.put(honour),
          count: async (day, dimensions, deltas) => counters.add(day, dimensions, deltas),
        });
      }
      await honours.writeTo(manager);
      await counters.writeTo(manager, PointsDaily);
    },
  };
}

interface PointsWrites {
  /** The resident's honour row as stored (a copy the step may change), null when there is none. */
  honour(residentId: string): Promise<ResidentHonour | null>;
  saveHonour(honour: ResidentHonour): Promise<void>;
  count(day: string, dimensions: Dimensions, deltas: Record<string, number>): Promise<void>;
}

/** What one points event does to the honour roll and the counters; one function for both writers. */
async function pointsStep(event: Extract<PublicEvent, { type: PointsEventType }>, timeZone: string, writes: PointsWrites) {
  const at = event.occurredAt;
  const count = (dimensions: Dimensions, deltas: Record<string, number>) =>
    writes.count(dayOf(at, timeZone), [['city', CITY], ...dimensions], deltas);
  const honourOf = async (residentId: string): Promise<ResidentHonour> =>
    (await writes.honour(residentId)) ??
    Object.assign(new ResidentHonour(), {
      residentId,
      displayName: null,
      communityId: null,
      lifetimePoints: 0,
      level: null,
      badges: [],
    });
  const saveHonour = (honour: ResidentHonour) => writes.saveHonour(Object.assign(new ResidentHonour(), { ...honour, updatedAt: at }));

  switch (event.type) {
    case 'PointsAwarded': {
      const { data } = event;
      const honour = await honourOf(data.residentId);
      honour.lifetimePoints += data.points;
      if (data.communityId !== null) honour.communityId = data.communityId;
      await saveHonour(honour);
      await count(
        [
          ['community', data.communityId],
          ['rule', data.ruleId],
        ],
        { issued: data.points, awards: 1 },
      );
      return;
    }
    case 'PointsReversed': {
      const { data } = event;
      // `points` is the award undone (off lifetime points); `debited` only what the balance could give back.
      const reversed = data.points;
      const honour = await honourOf(data.residentId);
      honour.lifetimePoints -= reversed;
      await saveHonour(honour);
      await count([['rule', data.ruleId]], { reversed, reversedDebited: data.debited, reversals: 1 });
      return;
    }
    case 'PointsAwardWithheld':
      // Over the daily cap is participation that earned nothing; self-confirmation is not participation.
      await count([['rule', event.data.ruleId]], { withheld: 1, unrewarded: event.data.reason === 'daily_cap' ? 1 : 0 });
      return;
    case 'ParticipationHonoured':
      await count(
        [
          ['community', event.data.communityId],
          ['rule', event.data.ruleId],
        ],
        { honoured: 1, unrewarded: 1 },
      );
      return;
    case 'ResidentProfileUpdated': {
      const honour = await honourOf(event.data.residentId);
      Object.assign(honour, { displayName: event.data.displayName, communityId: event.data.communityId ?? honour.communityId });
      await saveHonour(honour);
      return;
    }
    case 'RewardRedeemed':
      await count([['reward', event.data.rewardId]], {
        redeemed: event.data.points,
        redemptions: 1,
        rewardsRedeemed: event.data.quantity,
      });
      return;
    case 'RedemptionCancelled':
      await count([['reward', event.data.rewardId]], { refunded: event.data.pointsRefunded, redemptionsCancelled: 1 });
      return;
    case 'RedemptionUsed':
      await count([['reward', event.data.rewardId]], { redemptionsUsed: 1 });
      return;
    case 'LevelReached': {
      const honour = await honourOf(event.data.residentId);
      honour.level = event.data.level;
      await saveHonour(honour);
      await count([], { levelsReached: 1 });
      return;
    }
    case 'BadgeEarned': {
      const honour = await honourOf(event.data.residentId);
      if (honour.badges.some((b) => b.badgeId === event.data.badgeId)) return;
      honour.badges = [
        ...honour.badges,
        { badgeId: event.data.badgeId, badgeName: event.data.badgeName, kind: event.data.kind, earnedAt: at },
      ];
      await saveHonour(honour);
      await count([], { [event.data.kind === 'honour' ? 'honoursEarned' : 'badgesEarned']: 1 });
      return;
    }
    case 'VolunteerHoursDeposited':
      // On the time-bank stream: an atomic add per resident, not a write to the ledger stream's honour row.
      await count([['resident', event.data.residentId]], { volunteerHours: event.data.hours });
      return;
    case 'HoursTransferred':
      await count([], { hoursTransferred: event.data.hours });
      return;
    case 'HoursSpent':
      await count([], { hoursSpent: event.data.hours });
      return;
    case 'RewardListed':
    case 'RewardRestocked':
    case 'RewardStockReserved':
    case 'RewardStockReleased':
    case 'FarmingSuspected':
    case 'FarmingReviewed':
    case 'PointRuleChanged':
    case 'PointRulePhaseAnnounced':
    case 'VolunteerHoursLogged':
    case 'VolunteerHoursRejected':
    case 'HoursReceived':
    // Contests keep their own standings in the points service; their prizes arrive here as PointsAwarded.
    case 'ContestOpened':
    case 'IdeaSubmitted':
    case 'IdeaVoteCast':
    case 'IdeaScored':
    case 'ContestTeamJoined':
    case 'BuildingCleanlinessRated':
    case 'ContestActivityCounted':
    case 'ContestClosed':
      return;
    default:
      assertNever(event);
  }
}
