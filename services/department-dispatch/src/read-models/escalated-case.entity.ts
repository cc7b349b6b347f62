import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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

  @Column('varchar', { name: 'escalated_at', length: 32 })
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
 * The assignments a case was given (one per CaseDispatched to a department), recorded by the case policy as it
 * creates each: in the policy's own order of grid-events, so a case's end always finds its assignments, even
 * before the inbox view has caught up.
 */
@Entity('dd_case_assignments')
export class CaseAssignment {
  @PrimaryColumn('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  @PrimaryColumn('varchar', { name: 'assignment_id', length: 100 })
  assignmentId!: string;
}
