import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/**
 * One row per ballot staff recorded for a resident (入户走访): who recorded it and on which vote, so the
 * share each worker records can be watched. Never the resident and never the choice: the worker is the one
 * accountable here, and the ballot stays secret.
 */
@Entity('dash_assisted_ballots')
export class AssistedBallotFact {
  @PrimaryColumn('varchar', { name: 'ballot_id', length: 120 })
  ballotId!: string;

  @Index()
  @Column('varchar', { name: 'topic_id', length: 120 })
  topicId!: string;

  @Index()
  @Column('varchar', { name: 'assistant_id', length: 120 })
  assistantId!: string;

  @Column('varchar', { name: 'assistant_role', length: 40 })
  assistantRole!: string;

  @InstantColumn({ name: 'recorded_at' })
  recordedAt!: string;

  /** The resident took it back before the close: it no longer counts for the worker. */
  @Column('boolean', { default: false })
  withdrawn!: boolean;
}
