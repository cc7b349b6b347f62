import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { DailyCounter } from './daily-counter';

export const TOPIC_STAGES = [
  'proposed',
  'screened',
  'rejected',
  'merged',
  'consultation',
  'discussion',
  'voting',
  'decided',
  'implementation',
  'completed',
] as const;
export type TopicStage = (typeof TOPIC_STAGES)[number];

/**
 * One row per council topic (议题): its stage, its vote's turnout and result. Topics are public; who
 * proposed one is not stored (a proposer may be anonymous), and a ballot is only ever a count.
 */
@Entity('dash_topic_facts')
export class TopicFact {
  @PrimaryColumn('varchar', { name: 'topic_id', length: 120 })
  topicId!: string;

  @Index()
  @Column('varchar', { name: 'community_id', length: 120 })
  communityId!: string;

  @Column('varchar', { name: 'grid_id', length: 120, nullable: true })
  gridId!: string | null;

  @Column('text')
  title!: string;

  @Index()
  @Column('varchar', { length: 20 })
  stage!: TopicStage;

  @InstantColumn({ name: 'proposed_at' })
  proposedAt!: string;

  @Index()
  @Column('varchar', { name: 'proposed_day', length: 10 })
  proposedDay!: string;

  @InstantColumn({ name: 'voting_closes_at', nullable: true })
  votingClosesAt!: string | null;

  @Column('integer', { name: 'eligible_voters', nullable: true })
  eligibleVoters!: number | null;

  /**
   * From the closing tally. Ballots come on voter streams (voter-<topicId>-<residentId>), which Kafka
   * may deliver before or after this topic's own events, so the running count is a counter of its own
   * (DeliberationDaily, dimension `topic`), never an increment of this row.
   */
  @Column('integer', { name: 'ballots_cast', nullable: true })
  ballotsCast!: number | null;

  @Column('double precision', { name: 'turnout_percent', nullable: true })
  turnoutPercent!: number | null;

  @Column('boolean', { name: 'quorum_met', nullable: true })
  quorumMet!: boolean | null;

  @Column('boolean', { nullable: true })
  passed!: boolean | null;

  @Column('varchar', { length: 10, nullable: true })
  result!: 'adopted' | 'rejected' | null;

  @Column('integer', { name: 'implementation_percent', nullable: true })
  implementationPercent!: number | null;

  @Column('integer', { name: 'attendance_in_person', default: 0 })
  attendanceInPerson!: number;

  @Column('integer', { name: 'attendance_online', default: 0 })
  attendanceOnline!: number;

  @Column('integer', { name: 'attendance_assisted', default: 0 })
  attendanceAssisted!: number;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;
}

/**
 * The adopted-suggestions list (居民建议落地清单): what was adopted, who is responsible, how far it got.
 * The suggesting resident is not stored: the event carries no name to show, and may be anonymous.
 */
@Entity('dash_adopted_suggestions')
export class AdoptedSuggestion {
  @PrimaryColumn('varchar', { name: 'topic_id', length: 120 })
  topicId!: string;

  @Column('text')
  title!: string;

  @Index()
  @Column('varchar', { name: 'community_id', length: 120, nullable: true })
  communityId!: string | null;

  @Column('simple-json', { name: 'responsible_department_ids' })
  responsibleDepartmentIds!: string[];

  @Index()
  @InstantColumn({ name: 'adopted_at' })
  adoptedAt!: string;

  @Index()
  @Column('varchar', { length: 12 })
  status!: 'adopted' | 'in_progress' | 'completed';

  @Column('integer', { name: 'progress_percent', default: 0 })
  progressPercent!: number;

  @Column('text', { name: 'last_progress_note', nullable: true })
  lastProgressNote!: string | null;

  @InstantColumn({ name: 'last_progress_at', nullable: true })
  lastProgressAt!: string | null;

  @InstantColumn({ name: 'completed_at', nullable: true })
  completedAt!: string | null;

  @Column('text', { name: 'completion_summary', nullable: true })
  completionSummary!: string | null;
}

/**
 * Per day × (city | community | topic): proposed, votingOpened, ballots, votingClosed, adopted, completed, attendance …
 * Events that name only a topic and come on another stream (ballots, evaluations) count per city and topic.
 */
@Entity('dash_deliberation_daily')
export class DeliberationDaily extends DailyCounter {}
