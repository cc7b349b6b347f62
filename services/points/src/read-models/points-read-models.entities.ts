import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** Which resident an award for a source (case-<id>, ballot-<id>) went to: the invalidation names only the source. */
@Entity('points_award_sources')
export class AwardSource {
  @PrimaryColumn('varchar', { name: 'source_key', length: 200 })
  sourceKey!: string;

  @Column('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;
}

/** A resident's points in a month in a community: the monthly leaderboards, history kept. */
@Entity('points_monthly_scores')
@Index(['communityId', 'month', 'points'])
export class MonthlyScore {
  @PrimaryColumn('varchar', { length: 7 })
  month!: string;

  @PrimaryColumn('varchar', { name: 'community_id', length: 100 })
  communityId!: string;

  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;

  @Column('int')
  points!: number;
}

/** Where each award was counted, so its reversal comes off the same month and community. */
@Entity('points_award_log')
export class AwardLog {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;

  @PrimaryColumn('varchar', { name: 'source_event_id', length: 100 })
  sourceEventId!: string;

  @Column('varchar', { length: 7 })
  month!: string;

  @Column('varchar', { name: 'community_id', length: 100, nullable: true })
  communityId!: string | null;
}

/** The name a resident chose to show on leaderboards. */
@Entity('points_profiles')
export class ResidentProfile {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;

  @Column('varchar', { name: 'display_name', length: 100 })
  displayName!: string;

  @Column('varchar', { name: 'community_id', length: 100, nullable: true })
  communityId!: string | null;
}

@Entity('points_rewards')
export class RewardView {
  @PrimaryColumn('varchar', { name: 'reward_id', length: 100 })
  rewardId!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('int', { name: 'price_points' })
  pricePoints!: number;

  @Column('int')
  stock!: number;
}

/** Bursts of awards waiting for an admin's review. */
@Entity('points_flags')
export class FlagView {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;

  @PrimaryColumn('varchar', { name: 'flag_id', length: 100 })
  flagId!: string;

  @Column('int', { name: 'awards_in_window' })
  awardsInWindow!: number;

  @Column('int', { name: 'window_minutes' })
  windowMinutes!: number;

  @Index()
  @Column('varchar', { length: 20 })
  status!: 'open' | 'cleared' | 'confirmed';

  @InstantColumn({ name: 'raised_at' })
  raisedAt!: string;
}

export const POINTS_ENTITIES = [AwardSource, MonthlyScore, AwardLog, ResidentProfile, RewardView, FlagView];
