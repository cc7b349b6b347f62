import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { DailyCounter } from './daily-counter';

/** One row per whistle (吹哨): when it was blown, how far it escalated, when it was resolved. */
@Entity('dash_whistle_facts')
export class WhistleFact {
  @PrimaryColumn('varchar', { name: 'whistle_id', length: 120 })
  whistleId!: string;

  @Index()
  @Column('varchar', { name: 'street_id', length: 120 })
  streetId!: string;

  @InstantColumn({ name: 'blown_at' })
  blownAt!: string;

  @Index()
  @Column('varchar', { name: 'blown_day', length: 10 })
  blownDay!: string;

  /** The highest level any missed check-in of the whistle reached: street, district or city. */
  @Column('varchar', { name: 'max_escalation_level', length: 10, nullable: true })
  maxEscalationLevel!: 'street' | 'district' | 'city' | null;

  @Column('integer', { default: 0 })
  escalations!: number;

  @InstantColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: string | null;

  @Column('integer', { name: 'resolve_seconds', nullable: true })
  resolveSeconds!: number | null;
}

/** One row per department summoned by a whistle: its check-in (报到), its task and its evaluations. */
@Entity('dash_whistle_summons')
export class WhistleSummons {
  @PrimaryColumn('varchar', { name: 'whistle_id', length: 120 })
  whistleId!: string;

  @PrimaryColumn('varchar', { name: 'department_id', length: 120 })
  departmentId!: string;

  @Index()
  @Column('varchar', { name: 'street_id', length: 120 })
  streetId!: string;

  @Index()
  @Column('varchar', { name: 'blown_day', length: 10 })
  blownDay!: string;

  @InstantColumn({ name: 'checked_in_at', nullable: true })
  checkedInAt!: string | null;

  /** From the whistle to the check-in, as the event states it. */
  @Column('double precision', { name: 'check_in_minutes', nullable: true })
  checkInMinutes!: number | null;

  @Column('boolean', { name: 'within_deadline', nullable: true })
  withinDeadline!: boolean | null;

  @Column('boolean', { default: false })
  missed!: boolean;

  /** The level a missed check-in of this department reached before it came; null when never escalated. */
  @Column('varchar', { name: 'escalation_level', length: 10, nullable: true })
  escalationLevel!: 'street' | 'district' | 'city' | null;

  @InstantColumn({ name: 'task_completed_at', nullable: true })
  taskCompletedAt!: string | null;

  @Column('double precision', { name: 'task_minutes', nullable: true })
  taskMinutes!: number | null;

  @Column('boolean', { name: 'task_within_deadline', nullable: true })
  taskWithinDeadline!: boolean | null;

  @Column('boolean', { name: 'task_overdue', default: false })
  taskOverdue!: boolean;

  @Column('integer', { name: 'evaluation_sum', default: 0 })
  evaluationSum!: number;

  @Column('integer', { name: 'evaluation_count', default: 0 })
  evaluationCount!: number;
}

/** Per day × (city | street | department): blown, checkIns, checkInsWithinDeadline, missed, resolved … */
@Entity('dash_whistle_daily')
export class WhistleDaily extends DailyCounter {}
