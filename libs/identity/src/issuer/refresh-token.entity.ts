import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { Account } from './account.entity';
import { isoDate } from './iso-date.transformer';

/**
 * One refresh token of a login session (its family). Only a hash is stored. Each refresh revokes
 * the token it used and issues the next one of the family; a revoked token presented again means
 * it was stolen or replayed, and the whole family is revoked.
 */
@Entity({ name: 'identity_refresh_tokens' })
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  familyId!: string;

  @InstantColumn({ length: 30, transformer: isoDate })
  expiresAt!: Date;

  @InstantColumn({ length: 30, nullable: true, transformer: isoDate })
  revokedAt!: Date | null;

  @InstantColumn({ length: 30, transformer: isoDate })
  createdAt!: Date;
}
