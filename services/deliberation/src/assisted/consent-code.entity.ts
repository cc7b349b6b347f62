import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';

/**
 * A resident's one-time consent code (入户走访): one live code per resident, stored as an HMAC only, valid
 * for 10 minutes, spent by the first assisted record that presents it. Private: never an event.
 */
@Entity('deliberation_consent_codes')
export class ConsentCode {
  @PrimaryColumn('varchar', { name: 'resident_id', length: 100 })
  residentId!: string;

  @Column('varchar', { name: 'code_hash', length: 64 })
  codeHash!: string;

  @Column('varchar', { name: 'community_id', length: 100, nullable: true })
  communityId!: string | null;

  @Column('varchar', { name: 'grid_id', length: 100, nullable: true })
  gridId!: string | null;

  @Column('varchar', { length: 20 })
  verification!: string;

  @InstantColumn({ name: 'expires_at' })
  expiresAt!: string;

  @InstantColumn({ name: 'used_at', nullable: true })
  usedAt!: string | null;

  @Column('integer', { name: 'failed_attempts', default: 0 })
  failedAttempts!: number;
}
