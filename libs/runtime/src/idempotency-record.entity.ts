import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/** A command's `Idempotency-Key` of one caller: claimed before the command runs, then its first answer. */
@Entity('idempotency_records')
@Index(['expiresAt'])
export class IdempotencyRecord {
  /** Whose key it is (`user:<subject>`, `service:<client>`, `open311:<hash of the api key>`). */
  @PrimaryColumn('varchar', { length: 200 })
  caller!: string;

  @PrimaryColumn('varchar', { name: 'idempotency_key', length: 128 })
  key!: string;

  /** A hash of the route and body, so the key of one request is not taken for another. */
  @Column('varchar', { length: 64 })
  fingerprint!: string;

  /** Made by the request that claimed the key: only it completes or releases the claim. */
  @Column('varchar', { length: 36 })
  claim!: string;

  /** Null while the command runs. */
  @Column('int', { nullable: true })
  status!: number | null;

  @Column('varchar', { name: 'content_type', length: 100, nullable: true })
  contentType!: string | null;

  @Column('text', { nullable: true })
  body!: string | null;

  @InstantColumn({ name: 'created_at' })
  createdAt!: string;

  @InstantColumn({ name: 'expires_at' })
  expiresAt!: string;
}
