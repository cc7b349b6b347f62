import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A resident's level and what it unlocks, learnt from points' public LevelReached events: the local projection
 * the privilege checks read, so deliberation never asks points at the moment of a command.
 */
@Entity('dl_resident_privileges')
export class ResidentPrivilegesView {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 }) residentId!: string;
  @Column('int', { name: 'level_index' }) levelIndex!: number;
  @Column('varchar', { length: 100 }) level!: string;
  @Column('simple-json') privileges!: string[];
}

/** Who stands for which role in which community: the pool staff pick moderators and team leaders from. */
@Entity('dl_volunteer_pool')
@Index(['communityId', 'role'])
export class VolunteerPoolEntry {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 }) residentId!: string;
  @PrimaryColumn('varchar', { length: 40 }) role!: string;
  @Column('varchar', { name: 'community_id', length: 100 }) communityId!: string;
}

export const PRIVILEGE_ENTITIES = [ResidentPrivilegesView, VolunteerPoolEntry];
