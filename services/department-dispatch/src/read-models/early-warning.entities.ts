import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** Where and when each case with a location was reported: what the repeat-problem detector looks around. */
@Entity('dd_reported_places')
@Index(['categoryCode', 'reportedAt'])
// The repeat-problem search looks in a box around each report: the latitude band, then the longitude, in the index.
@Index(['categoryCode', 'lat', 'long'])
export class ReportedPlaceRow {
  @PrimaryColumn('varchar', { name: 'case_id', length: 100 })
  caseId!: string;

  @Column('varchar', { name: 'category_code', length: 100 })
  categoryCode!: string;

  @Column('double precision')
  lat!: number;

  @Column('double precision')
  long!: number;

  @InstantColumn({ name: 'reported_at' })
  reportedAt!: string;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  @Column('varchar', { name: 'community_id', length: 100 })
  communityId!: string;

  @Column('varchar', { name: 'grid_id', length: 100 })
  gridId!: string;
}

/** Each whistle check-in a department missed: what the check-in detector counts. */
@Entity('dd_missed_check_ins')
@Index(['departmentId', 'missedAt'])
export class MissedCheckInRow {
  @PrimaryColumn('varchar', { name: 'whistle_id', length: 100 })
  whistleId!: string;

  @PrimaryColumn('varchar', { name: 'department_id', length: 100 })
  departmentId!: string;

  @InstantColumn({ name: 'missed_at' })
  missedAt!: string;
}

/** A raised warning as staff read it: newest first, with its reason in both languages. */
@Entity('dd_early_warnings')
@Index(['streetId', 'raisedAt'])
@Index(['departmentId', 'raisedAt'])
export class EarlyWarningView {
  @PrimaryColumn('varchar', { name: 'warning_id', length: 200 })
  warningId!: string;

  @Column('varchar', { length: 30 })
  kind!: string;

  @Column('varchar', { name: 'street_id', length: 100, nullable: true })
  streetId!: string | null;

  @Column('varchar', { name: 'community_id', length: 100, nullable: true })
  communityId!: string | null;

  @Column('varchar', { name: 'grid_id', length: 100, nullable: true })
  gridId!: string | null;

  @Column('varchar', { name: 'department_id', length: 100, nullable: true })
  departmentId!: string | null;

  @Column('varchar', { name: 'category_code', length: 100, nullable: true })
  categoryCode!: string | null;

  @Column('simple-json', { name: 'subject_ids' })
  subjectIds!: string[];

  @Column('text', { name: 'reason_zh' })
  reasonZh!: string;

  @Column('text', { name: 'reason_en' })
  reasonEn!: string;

  @InstantColumn({ name: 'raised_at' })
  raisedAt!: string;
}
