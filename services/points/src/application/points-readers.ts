import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { cstMonth } from '../domain/shared/calendar';
import { RULES_STREAM_ID } from '../domain/rules/rules.decider';
import { monthsOfLeaderboard, topTen } from '../queries/leaderboard/leaderboard.query';
import { FlagView, RewardView } from '../read-models/points-read-models.entities';

/** The read side the query controllers answer from, so no controller holds the database or the event store. */
@Injectable()
export class PointsReaders {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  rewards(): Promise<RewardView[]> {
    return this.infrastructure.dataSource.getRepository(RewardView).find({ order: { pricePoints: 'ASC' } });
  }

  openFlags(): Promise<FlagView[]> {
    return this.infrastructure.dataSource.getRepository(FlagView).find({ where: { status: 'open' }, order: { raisedAt: 'ASC' } });
  }

  /** Every change of the rules, newest first: when, who, before and after. */
  async ruleChanges() {
    const { events } = await this.infrastructure.eventStore.readStream(RULES_STREAM_ID);
    return events.map((e) => ({ at: e.occurredAt, actor: e.actor, type: e.type, ...(e.data as object) })).reverse();
  }

  /** The month of a leaderboard when none is asked for: this month in the city's time. */
  thisMonth(): string {
    return cstMonth(this.infrastructure.clock.now());
  }

  leaderboard(communityId: string, month: string) {
    return topTen(this.infrastructure.dataSource, communityId, month);
  }

  leaderboardMonths(communityId: string): Promise<string[]> {
    return monthsOfLeaderboard(this.infrastructure.dataSource, communityId);
  }
}
