import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** One row per case, kept by the case-views projector: lists, duplicate search and Open311 reads. */
@Entity('case_views')
@Index(['categoryCode', 'status'])
// The duplicate search narrows by category and a latitude band, then by longitude inside the index: only the cases in
// the box around the report are read from the table before distances are measured.
@Index(['categoryCode', 'lat', 'long'])
@Index(['gridId'])
@Index(['reportedAt'])
// A facility's case history is one lookup.
@Index(['facilityId'])
export class CaseView {
  @PrimaryColumn('varchar', { name: 'case_id', length: 64 })
  caseId!: string;

  @Column('varchar', { length: 20 })
  status!: string;

  @Column('varchar', { name: 'category_code', length: 100 })
  categoryCode!: string;

  @Column('text')
  description!: string;

  @Column('double precision', { nullable: true })
  lat!: number | null;

  @Column('double precision', { nullable: true })
  long!: number | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('varchar', { name: 'grid_id', length: 100 })
  gridId!: string;

  @Column('varchar', { name: 'community_id', length: 100 })
  communityId!: string;

  @Column('varchar', { name: 'street_id', length: 100 })
  streetId!: string;

  /** Null when anonymous or unknown; the private case_reporters table knows an anonymous reporter. */
  @Column('varchar', { name: 'reporter_id', length: 100, nullable: true })
  reporterId!: string | null;

  @Column('boolean')
  anonymous!: boolean;

  @Column('varchar', { name: 'reported_via', length: 20 })
  reportedVia!: string;

  /** The Open311 client that sent the case (from the event's actor): it may read its own request before triage. */
  @Column('varchar', { name: 'open311_client', length: 200, nullable: true })
  open311Client!: string | null;

  @Column('text', { name: 'photo_ids' })
  photoIds!: string;

  @Column('text', { name: 'after_photo_ids', default: '[]' })
  afterPhotoIds!: string;

  @Column('varchar', { name: 'assignee_kind', length: 20, nullable: true })
  assigneeKind!: string | null;

  @Column('varchar', { name: 'assignee_id', length: 100, nullable: true })
  assigneeId!: string | null;

  @Column('varchar', { name: 'department_id', length: 100, nullable: true })
  departmentId!: string | null;

  @InstantColumn({ name: 'acknowledge_by', nullable: true })
  acknowledgeBy!: string | null;

  @InstantColumn({ name: 'resolve_by', nullable: true })
  resolveBy!: string | null;

  @Column('text', { name: 'status_notes', nullable: true })
  statusNotes!: string | null;

  @Column('varchar', { name: 'merged_into', length: 64, nullable: true })
  mergedInto!: string | null;

  /** The public facility of the grid's register the case is at, when the report or the staff named one. */
  @Column('varchar', { name: 'facility_id', length: 64, nullable: true })
  facilityId!: string | null;

  @Column('int', { nullable: true })
  score!: number | null;

  @Column('boolean', { default: false })
  overdue!: boolean;

  @InstantColumn({ name: 'reported_at' })
  reportedAt!: string;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;
}
