import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** A department's inbox row: one assignment and where it stands. */
@Entity('dd_assignments')
@Index(['departmentId', 'status'])
export class AssignmentView {
  @PrimaryColumn('varchar', { name: 'assignment_id', length: 100 })
  assignmentId!: string;

  @Column('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  @Column('varchar', { name: 'department_id', length: 100 })
  departmentId!: string;

  @Column('varchar', { name: 'category_code', length: 100 })
  categoryCode!: string;

  @Column('varchar', { name: 'street_id', length: 100, nullable: true })
  streetId!: string | null;

  /** created | acknowledged (open); completed | declined | reassignment_requested | withdrawn (closed) */
  @Column('varchar', { length: 30 })
  status!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: string;

  @InstantColumn({ name: 'acknowledge_by' })
  acknowledgeBy!: string;

  @InstantColumn({ name: 'resolve_by' })
  resolveBy!: string;

  @InstantColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: string | null;

  @InstantColumn({ name: 'closed_at', nullable: true })
  closedAt!: string | null;

  /** Why a withdrawn assignment left the queue (AssignmentWithdrawn's reason, e.g. case_resolved); null otherwise. */
  @Column('varchar', { name: 'withdrawal_reason', length: 30, nullable: true })
  withdrawalReason!: string | null;
}

/** A whistle on the street's board. */
@Entity('dd_whistles')
@Index(['streetId', 'blownAt'])
export class WhistleView {
  @PrimaryColumn('varchar', { name: 'whistle_id', length: 100 })
  whistleId!: string;

  @Column('varchar', { name: 'case_id', length: 100, nullable: true })
  caseId!: string | null;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('varchar', { name: 'lead_department_id', length: 100 })
  leadDepartmentId!: string;

  /** summoned | resolved */
  @Column('varchar', { length: 20 })
  status!: string;

  @InstantColumn({ name: 'blown_at' })
  blownAt!: string;

  @InstantColumn({ name: 'check_in_by' })
  checkInBy!: string;

  @InstantColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: string | null;
}

/** One summoned department of a whistle: its check-in, escalation and task, for its inbox and the scoreboard. */
@Entity('dd_whistle_departments')
@Index(['departmentId', 'blownAt'])
export class WhistleDepartmentView {
  @PrimaryColumn('varchar', { name: 'whistle_id', length: 100 })
  whistleId!: string;

  @PrimaryColumn('varchar', { name: 'department_id', length: 100 })
  departmentId!: string;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('boolean')
  lead!: boolean;

  @InstantColumn({ name: 'blown_at' })
  blownAt!: string;

  @InstantColumn({ name: 'check_in_by' })
  checkInBy!: string;

  @InstantColumn({ name: 'checked_in_at', nullable: true })
  checkedInAt!: string | null;

  /** null, or how far a missed check-in went: street | district | city */
  @Column('varchar', { name: 'escalation_level', length: 20, nullable: true })
  escalationLevel!: string | null;

  @InstantColumn({ name: 'task_due_by', nullable: true })
  taskDueBy!: string | null;

  @Column('boolean', { name: 'task_overdue', default: false })
  taskOverdue!: boolean;

  @InstantColumn({ name: 'task_completed_at', nullable: true })
  taskCompletedAt!: string | null;
}
