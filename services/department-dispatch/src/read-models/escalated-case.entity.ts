import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** A case grid-events escalated to a street (CaseEscalated): the street's list of cases to whistle on. */
@Entity('dd_escalated_cases')
@Index(['streetId', 'escalatedAt'])
export class EscalatedCase {
  @PrimaryColumn('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  @Column('varchar', { length: 40 })
  reason!: string;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('simple-json', { name: 'department_ids' })
  departmentIds!: string[];

  @InstantColumn({ name: 'escalated_at' })
  escalatedAt!: string;

  /** Set when the street blew the whistle on it. */
  @Column('varchar', { name: 'whistle_id', length: 100, nullable: true })
  whistleId!: string | null;
}

/** Where a case is (from CaseReported / CaseAccepted), so an assignment knows its street. */
@Entity('dd_case_places')
export class CasePlace {
  @PrimaryColumn('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;
}

/**
 * The assignments a case was given (one per CaseDispatched to a department, and one per CaseReopened that sent
 * it back to its department), recorded by the case policy as it creates each: in the policy's own order of
 * grid-events, so a case's end always finds its assignments, even before the inbox view has caught up.
 */
@Entity('dd_case_assignments')
export class CaseAssignment {
  @PrimaryColumn('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  @PrimaryColumn('varchar', { name: 'assignment_id', length: 100 })
  assignmentId!: string;

  /**
   * Set on an assignment created because the resident reopened the resolved case: what the resident says is still
   * wrong (CaseReopened's reason), shown with the assignment in the department's inbox. Null for a dispatch.
   */
  @Column('text', { name: 'reopen_reason', nullable: true })
  reopenReason!: string | null;
}

/**
 * Who holds a case now, as the case policy saw grid-events: its latest CaseDispatched (to a department or a grid
 * worker), until a department gives it back (CaseAssignmentDeclined). A reopened case goes back to this
 * department (create-assignment-when-case-reopened.policy), with the category and acknowledge time of that dispatch.
 */
@Entity('dd_case_assignees')
export class CaseAssignee {
  @PrimaryColumn('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  /** The department holding the case; null when its assignee is a grid worker, or nobody since a department declined it. */
  @Column('varchar', { name: 'department_id', length: 100, nullable: true })
  departmentId!: string | null;

  @Column('varchar', { name: 'category_code', length: 100 })
  categoryCode!: string;

  /** The latest dispatch's time and its acknowledge-by: the time to acknowledge a reopening gives again. */
  @InstantColumn({ name: 'dispatched_at' })
  dispatchedAt!: string;

  @InstantColumn({ name: 'acknowledge_by' })
  acknowledgeBy!: string;
}
