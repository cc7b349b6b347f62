import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import type { Category, FreeTime, Profession } from './recommend';

/** A resident's profile for recommendations (精准推送): what they care about, their trade, when they are free. Private to them. */
@Entity('dl_resident_profiles')
export class ResidentProfile {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 }) residentId!: string;
  @Column('simple-json') interests!: Category[];
  @Column('varchar', { length: 30, nullable: true }) profession!: Profession | null;
  @Column('simple-json', { name: 'free_times' }) freeTimes!: FreeTime[];
  @InstantColumn({ name: 'updated_at', length: 40 }) updatedAt!: string;
}

/** Topics and council meetings as the recommender sees them, kept from this service's own events. Public facts only. */
@Entity('dl_recommendables')
export class RecommendableView {
  /** `topic:<topicId>` or `meeting:<meetingId>`. */
  @PrimaryColumn('varchar', { name: 'item_key', length: 120 }) itemKey!: string;
  @Column('varchar', { length: 10 }) kind!: 'topic' | 'meeting';
  @Column('varchar', { name: 'item_id', length: 100 }) itemId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { name: 'grid_id', length: 100, nullable: true }) gridId!: string | null;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('text') text!: string;
  @Column('varchar', { length: 30 }) stage!: string;
  @InstantColumn({ name: 'meeting_at', length: 40, nullable: true }) meetingAt!: string | null;
  @InstantColumn({ name: 'closes_at', length: 40, nullable: true }) closesAt!: string | null;
  /** 兴趣社团: the group whose own topic this is (for its members alone); null otherwise. */
  @Column('varchar', { name: 'group_id', length: 100, nullable: true }) groupId!: string | null;
  @Column('varchar', { name: 'group_name', length: 60, nullable: true }) groupName!: string | null;
}

export const RECOMMENDATION_ENTITIES = [ResidentProfile, RecommendableView] as const;
