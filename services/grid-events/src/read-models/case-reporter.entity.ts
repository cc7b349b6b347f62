import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/**
 * Who reported a case, kept only inside this service: an anonymous reporter's id is in no event (the
 * topics are read by departments and analytics), yet they must still follow, confirm and rate their case.
 */
@Entity('case_reporters')
// A person's own cases, newest first, are a range of this index: a frequent reporter's list reads only the rows it shows.
@Index(['reporterId', 'reportedAt'])
export class CaseReporter {
  @PrimaryColumn('varchar', { name: 'case_id', length: 64 })
  caseId!: string;

  @Column('varchar', { name: 'reporter_id', length: 100 })
  reporterId!: string;

  @Column('boolean')
  anonymous!: boolean;

  /** An anonymous reporter's choice at report time: the staff handling the case may see who reported it. */
  @Column('boolean', { name: 'name_visible_to_staff', default: false })
  nameVisibleToStaff!: boolean;

  /**
   * The case view's report time, copied by the case-views projector when it lists the case (null until then: the row
   * is written before the report is appended). Data folders of older versions are filled in at start (CaseLists).
   */
  @InstantColumn({ name: 'reported_at', nullable: true })
  reportedAt!: string | null;
}

/** A resident following a case: the reporter of a duplicate merged into it, or one who chose to follow it. */
@Entity('case_followers')
@Index(['followerId'])
export class CaseFollower {
  @PrimaryColumn('varchar', { name: 'case_id', length: 64 })
  caseId!: string;

  @PrimaryColumn('varchar', { name: 'follower_id', length: 100 })
  followerId!: string;

  @InstantColumn({ name: 'since' })
  since!: string;
}
