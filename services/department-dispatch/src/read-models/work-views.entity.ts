import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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

  @Column('varchar', { name: 'created_at', length: 32 })
  createdAt!: string;

  @Column('varchar', { name: 'acknowledge_by', length: 32 })
  acknowledgeBy!: string;

  @Column('varchar', { name: 'resolve_by', length: 32 })
  resolveBy!: string;

  @Column('varchar', { name: 'acknowledged_at', length: 32, nullable: true })
  acknowledgedAt!: string | null;

  @Column('varchar', { name: 'closed_at', length: 32, nullable: true })
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

  @Column('varchar', { name: 'blown_at', length: 32 })
  blownAt!: string;

  @Column('varchar', { name: 'check_in_by', length: 32 })
  checkInBy!: string;

  @Column('varchar', { name: 'resolved_at', length: 32, nullable: true })
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

  @Column('varchar', { name: 'blown_at', length: 32 })
  blownAt!: string;

  @Column('varchar', { name: 'check_in_by', length: 32 })
  checkInBy!: string;

  @Column('varchar', { name: 'checked_in_at', length: 32, nullable: true })
  checkedInAt!: string | null;

  /** null, or how far a missed check-in went: street | district | city */
  @Column('varchar', { name: 'escalation_level', length: 20, nullable: true })
  escalationLevel!: string | null;

  @Column('varchar', { name: 'task_due_by', length: 32, nullable: true })
  taskDueBy!: string | null;

  @Column('boolean', { name: 'task_overdue', default: false })
  taskOverdue!: boolean;

  @Column('varchar', { name: 'task_completed_at', length: 32, nullable: true })
  taskCompletedAt!: string | null;
}
