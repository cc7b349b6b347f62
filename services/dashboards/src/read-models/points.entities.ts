import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { DailyCounter } from './daily-counter';

export interface HonourBadge {
  readonly badgeId: string;
  readonly badgeName: string;
  readonly kind: 'badge' | 'honour';
  readonly earnedAt: string;
}

/**
 * The honour roll (居民功劳簿): each resident's lifetime points, level and badges (hours: PointsDaily).
 * Only residents who chose a display name (ResidentProfileUpdated) are shown in public, by that name.
 */
@Entity('dash_resident_honours')
export class ResidentHonour {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 120 })
  residentId!: string;

  /** The name the resident shows on leaderboards; null until they set one, and then never listed. */
  @Column('varchar', { name: 'display_name', length: 120, nullable: true })
  displayName!: string | null;

  @Index()
  @Column('varchar', { name: 'community_id', length: 120, nullable: true })
  communityId!: string | null;

  /** Awarded minus reversed; redemptions spend a balance, not lifetime points. */
  @Index()
  @Column('integer', { name: 'lifetime_points', default: 0 })
  lifetimePoints!: number;

  @Column('varchar', { length: 20, nullable: true })
  level!: string | null;

  @Column('simple-json')
  badges!: HonourBadge[];

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;
}

/**
 * Per day × (city | community | rule | reward): issued, reversed, redeemed, refunded, volunteerHours …
 * and per resident (dimension `resident`) their volunteer hours, which arrive on the time-bank stream and
 * so must not be written into the honour row that the ledger stream updates (an atomic add is safe).
 */
@Entity('dash_points_daily')
export class PointsDaily extends DailyCounter {}
