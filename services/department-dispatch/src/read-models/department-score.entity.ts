import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The scoreboard's counters for one department in one street in one month (Shanghai time; the month
 * the work was given). Averages and shares are derived when read.
 */
@Entity('dd_department_scores')
export class DepartmentScore {
  @PrimaryColumn('varchar', { name: 'department_id', length: 100 })
  departmentId!: string;

  /** '(unknown)' for an assignment whose case's street was never seen. */
  @PrimaryColumn('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  /** YYYY-MM */
  @PrimaryColumn('varchar', { length: 7 })
  month!: string;

  @Column('int', { default: 0 }) summoned!: number;
  @Column('int', { name: 'checked_in', default: 0 }) checkedIn!: number;
  @Column('int', { name: 'checked_in_within_deadline', default: 0 }) checkedInWithinDeadline!: number;
  @Column('int', { name: 'check_in_minutes_total', default: 0 }) checkInMinutesTotal!: number;
  @Column('int', { name: 'check_ins_missed', default: 0 }) checkInsMissed!: number;
  @Column('int', { default: 0 }) escalations!: number;
  @Column('int', { name: 'tasks_completed', default: 0 }) tasksCompleted!: number;
  @Column('int', { name: 'tasks_within_deadline', default: 0 }) tasksWithinDeadline!: number;
  @Column('int', { name: 'tasks_overdue', default: 0 }) tasksOverdue!: number;
  @Column('int', { name: 'task_resolve_minutes_total', default: 0 }) taskResolveMinutesTotal!: number;
  @Column('int', { name: 'assignments_received', default: 0 }) assignmentsReceived!: number;
  @Column('int', { name: 'assignments_acknowledged', default: 0 }) assignmentsAcknowledged!: number;
  @Column('int', { name: 'acknowledged_within_deadline', default: 0 }) acknowledgedWithinDeadline!: number;
  @Column('int', { name: 'acknowledge_minutes_total', default: 0 }) acknowledgeMinutesTotal!: number;
  @Column('int', { name: 'assignments_completed', default: 0 }) assignmentsCompleted!: number;
  @Column('int', { name: 'completed_within_deadline', default: 0 }) completedWithinDeadline!: number;
  @Column('int', { name: 'assignment_resolve_minutes_total', default: 0 }) assignmentResolveMinutesTotal!: number;
  @Column('int', { name: 'assignments_returned', default: 0 }) assignmentsReturned!: number;
  /** Withdrawn when the case ended another way: neither done nor late, so in no deadline share. */
  @Column('int', { name: 'assignments_withdrawn', default: 0 }) assignmentsWithdrawn!: number;
  @Column('int', { default: 0 }) evaluations!: number;
  @Column('int', { name: 'evaluation_score_total', default: 0 }) evaluationScoreTotal!: number;
}

export type ScoreCounter = Exclude<keyof DepartmentScore, 'departmentId' | 'streetId' | 'month'>;
