import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { DailyCounter } from './daily-counter';

export const CASE_STATUSES = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'acknowledged',
  'resolved',
  'confirmed',
  'reopened',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Open work: waiting for triage, dispatch, acknowledgement or a fix. */
export const BACKLOG_STATUSES: readonly CaseStatus[] = ['reported', 'accepted', 'dispatched', 'acknowledged', 'reopened'];

/**
 * One row per case: the facts its SLA figures are computed from (medians and p90 need the single
 * durations, not sums). No reporter is stored: the dashboards never show who reported.
 * Times are ISO 8601 strings; durations are seconds, computed when the event arrives.
 */
@Entity('dash_case_facts')
export class CaseFact {
  @PrimaryColumn('varchar', { name: 'case_id', length: 120 })
  caseId!: string;

  @Index()
  @Column('varchar', { name: 'category_code', length: 120 })
  categoryCode!: string;

  @Index()
  @Column('varchar', { name: 'grid_id', length: 120 })
  gridId!: string;

  @Column('varchar', { name: 'community_id', length: 120 })
  communityId!: string;

  @Index()
  @Column('varchar', { name: 'street_id', length: 120 })
  streetId!: string;

  @Index()
  @Column('varchar', { name: 'department_id', length: 120, nullable: true })
  departmentId!: string | null;

  @Index()
  @Column('varchar', { length: 20 })
  status!: CaseStatus;

  @InstantColumn({ name: 'reported_at' })
  reportedAt!: string;

  /** The day of reportedAt in the city's time zone: the window filter of the SLA figures. */
  @Index()
  @Column('varchar', { name: 'reported_day', length: 10 })
  reportedDay!: string;

  @InstantColumn({ name: 'dispatched_at', nullable: true })
  dispatchedAt!: string | null;

  @InstantColumn({ name: 'acknowledge_by', nullable: true })
  acknowledgeBy!: string | null;

  @InstantColumn({ name: 'resolve_by', nullable: true })
  resolveBy!: string | null;

  @InstantColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: string | null;

  /** From the (latest) dispatch to its acknowledgement. */
  @Column('integer', { name: 'acknowledge_seconds', nullable: true })
  acknowledgeSeconds!: number | null;

  @Column('boolean', { name: 'acknowledged_within_sla', nullable: true })
  acknowledgedWithinSla!: boolean | null;

  /** The latest resolution; cleared by a reopening, since the problem was not fixed then. */
  @InstantColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: string | null;

  /** From the report to the (latest) resolution: what the resident waited. */
  @Column('integer', { name: 'resolve_seconds', nullable: true })
  resolveSeconds!: number | null;

  @Column('boolean', { name: 'resolved_within_sla', nullable: true })
  resolvedWithinSla!: boolean | null;

  /**
   * The account that resolved it last (a grid worker, a department's staff): the officer of the league table.
   * Null when the platform resolved it for a department (a policy), or before a resolution.
   */
  @Index()
  @Column('varchar', { name: 'resolved_by', length: 120, nullable: true })
  resolvedBy!: string | null;

  @Column('boolean', { name: 'ever_resolved', default: false })
  everResolved!: boolean;

  @Column('integer', { name: 'reopen_count', default: 0 })
  reopenCount!: number;

  /** The reporter's rating, 1–5. */
  @Column('integer', { nullable: true })
  satisfaction!: number | null;

  @Column('boolean', { default: false })
  escalated!: boolean;

  @InstantColumn({ name: 'closed_at', nullable: true })
  closedAt!: string | null;
}

/** Per day × (city | street | grid | category | department): reported, resolved, resolvedWithinSla … */
@Entity('dash_case_daily')
export class CaseDaily extends DailyCounter {}
