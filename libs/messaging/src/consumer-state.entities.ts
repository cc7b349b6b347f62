import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** bigint columns come back as strings from PostgreSQL and as numbers from SQLite: always numbers here. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** One row per event a consumer has applied: a redelivered event finds its row and has no second effect. */
@Entity('messaging_inbox')
export class InboxEntry {
  @PrimaryColumn('varchar', { length: 160 })
  consumer!: string;

  @PrimaryColumn('varchar', { name: 'event_id', length: 64 })
  eventId!: string;

  @Index()
  @InstantColumn({ name: 'processed_at' })
  processedAt!: string;
}

/** Where a consumer (or a relay) stands in a source: the global log of a store, or a topic partition. */
@Entity('messaging_positions')
export class ConsumerPosition {
  @PrimaryColumn('varchar', { length: 160 })
  consumer!: string;

  @PrimaryColumn('varchar', { length: 200 })
  source!: string;

  @Column('bigint', { transformer: bigintAsNumber })
  position!: number;

  @InstantColumn({ name: 'updated_at' })
  updatedAt!: string;
}

/** A message a consumer could not use, kept with the reason (the in-process bus's dead-letter queue). */
@Entity('messaging_dead_letters')
export class DeadLetter {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column('varchar', { length: 160 })
  consumer!: string;

  @Column('varchar', { length: 200 })
  source!: string;

  @Column('varchar', { name: 'event_id', length: 64, nullable: true })
  eventId!: string | null;

  @Column('text')
  reason!: string;

  @Column('text')
  payload!: string;

  @InstantColumn({ name: 'created_at' })
  createdAt!: string;
}

export const MESSAGING_ENTITIES = [InboxEntry, ConsumerPosition, DeadLetter];
