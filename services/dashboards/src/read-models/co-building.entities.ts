import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { DailyCounter } from './daily-counter';

export const ORGANISATION_GRADES = ['1A', '2A', '3A', '4A', '5A'] as const;
export type OrganisationGrade = (typeof ORGANISATION_GRADES)[number];

/**
 * One row per community partner project (社区合伙人): its team size, its resource requests by outcome and
 * its income with the split between the team and the community's public fund. Every event of a project
 * comes on its own stream (project-<id>), so the row is only ever changed in order. No resident is stored.
 */
@Entity('dash_cobuilding_projects')
export class CoBuildingProjectFact {
  @PrimaryColumn('varchar', { name: 'project_id', length: 120 })
  projectId!: string;

  @Index()
  @Column('varchar', { name: 'community_id', length: 120 })
  communityId!: string;

  @Column('text')
  title!: string;

  @Column('varchar', { length: 120, nullable: true })
  category!: string | null;

  @InstantColumn({ name: 'started_at' })
  startedAt!: string;

  @Index()
  @Column('varchar', { name: 'started_day', length: 10 })
  startedDay!: string;

  /** The leader and every member who joined. */
  @Column('integer', { name: 'team_size', default: 1 })
  teamSize!: number;

  @Column('integer', { name: 'requests_pending', default: 0 })
  requestsPending!: number;

  @Column('integer', { name: 'requests_approved', default: 0 })
  requestsApproved!: number;

  @Column('integer', { name: 'requests_declined', default: 0 })
  requestsDeclined!: number;

  @Column('integer', { default: 0 })
  activities!: number;

  @Column('varchar', { name: 'last_activity_day', length: 10, nullable: true })
  lastActivityDay!: string | null;

  /** In fen (分). Double precision, as the counters: exact for whole fen far beyond any project's income. */
  @Column('double precision', { name: 'income_fen', default: 0 })
  incomeFen!: number;

  @Column('double precision', { name: 'team_share_fen', default: 0 })
  teamShareFen!: number;

  @Column('double precision', { name: 'fund_share_fen', default: 0 })
  fundShareFen!: number;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;
}

/**
 * One row per community social organisation (社区社会组织) and its latest grade (等级评估). Registration and
 * grades come on the organisation's own stream, in order.
 */
@Entity('dash_cobuilding_organisations')
export class CoBuildingOrganisationFact {
  @PrimaryColumn('varchar', { name: 'organisation_id', length: 120 })
  organisationId!: string;

  @Index()
  @Column('varchar', { name: 'community_id', length: 120 })
  communityId!: string;

  @Column('text')
  name!: string;

  @Column('varchar', { length: 30 })
  kind!: string;

  @InstantColumn({ name: 'registered_at' })
  registeredAt!: string;

  @Column('varchar', { length: 2, nullable: true })
  grade!: OrganisationGrade | null;

  @Column('varchar', { name: 'graded_on', length: 10, nullable: true })
  gradedOn!: string | null;

  @Column('varchar', { name: 'grade_valid_until', length: 10, nullable: true })
  gradeValidUntil!: string | null;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;
}

/**
 * Per day × (city | community | project): projectsStarted, membersJoined, resourcesRequested,
 * requestsApproved, requestsDeclined, activitiesReported, incomeFen, teamShareFen, fundShareFen, fundSpentFen,
 * resourcesListed, spaceBookings, spaceBookingsCancelled, needsPosted, organisationsRegistered … Resources,
 * bookings, needs, fund spendings and organisations come on streams of their own: they only add to counters.
 */
@Entity('dash_cobuilding_daily')
export class CoBuildingDaily extends DailyCounter {}
