import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** An interest group (兴趣社团) as its community's residents browse it, kept from this service's own events. */
@Entity('dl_interest_groups')
export class InterestGroupView {
  @PrimaryColumn('varchar', { name: 'group_id', length: 100 }) groupId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 60 }) name!: string;
  @Column('text') description!: string;
  @Column('integer', { name: 'member_count' }) memberCount!: number;
  @InstantColumn({ name: 'created_at', length: 40 }) createdAt!: string;
}

/** Who belongs to which group: the resident's own list ("my groups") and the recommender's reason. Never listed to others. */
@Entity('dl_interest_group_members')
@Index(['residentId'])
export class InterestGroupMemberView {
  @PrimaryColumn('varchar', { name: 'group_id', length: 100 }) groupId!: string;
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 }) residentId!: string;
  @InstantColumn({ name: 'joined_at', length: 40 }) joinedAt!: string;
}

export const INTEREST_GROUP_ENTITIES = [InterestGroupView, InterestGroupMemberView] as const;
