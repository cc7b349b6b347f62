import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** What a city admin granted a third-party evaluator: which communities it may read, and until when. */
@Entity('dash_evaluator_grants')
export class EvaluatorGrantRow {
  @PrimaryColumn('varchar', { name: 'grant_id', length: 120 })
  grantId!: string;

  @Index()
  @Column('varchar', { name: 'evaluator_id', length: 120 })
  evaluatorId!: string;

  @Column('simple-json', { name: 'community_ids' })
  communityIds!: string[];

  @InstantColumn({ name: 'valid_from' })
  validFrom!: string;

  @InstantColumn({ name: 'valid_until' })
  validUntil!: string;
}

/** One published version of a community's evaluation report for a period; versions are only ever added. */
@Entity('dash_evaluation_reports')
export class EvaluationReportRow {
  @PrimaryColumn('varchar', { name: 'community_id', length: 120 })
  communityId!: string;

  @PrimaryColumn('varchar', { length: 10 })
  period!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Index()
  @Column('varchar', { name: 'street_id', length: 120 })
  streetId!: string;

  @Column('varchar', { name: 'evaluator_id', length: 120 })
  evaluatorId!: string;

  @Column('simple-json')
  scores!: { heading: string; score: number }[];

  @Column('double precision', { name: 'overall_score' })
  overallScore!: number;

  @Column('text')
  summary!: string;

  @Column('integer', { name: 'corrects_version', nullable: true })
  correctsVersion!: number | null;

  @Column('text', { name: 'correction_reason', nullable: true })
  correctionReason!: string | null;

  @InstantColumn({ name: 'published_at' })
  publishedAt!: string;
}
