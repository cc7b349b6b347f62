import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** A community's activities with the places left, as residents see them before signing up. */
@Entity('cb_activities')
export class ActivityView {
  @PrimaryColumn('varchar', { name: 'activity_id', length: 100 }) activityId!: string;
  @Index() @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
  @Column('varchar', { length: 200 }) title!: string;
  @InstantColumn({ name: 'starts_at', length: 40 }) startsAt!: string;
  @InstantColumn({ name: 'sign_up_opens_at', length: 40 }) signUpOpensAt!: string;
  @Column('int') capacity!: number;
  @Column('int', { name: 'signed_up', default: 0 }) signedUp!: number;
}

/**
 * A resident's level and what it unlocks, learnt from points' public LevelReached events: the local projection the
 * early sign-up check reads, so co-building never asks points at the moment of a command.
 */
@Entity('cb_resident_privileges')
export class ResidentPrivilegesView {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 }) residentId!: string;
  @Column('int', { name: 'level_index' }) levelIndex!: number;
  @Column('varchar', { length: 100 }) level!: string;
  @Column('simple-json') privileges!: string[];
}

export const ACTIVITY_ENTITIES = [ActivityView, ResidentPrivilegesView] as const;
