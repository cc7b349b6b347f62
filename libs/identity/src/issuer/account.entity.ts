import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import type { PrincipalScope, Role, VerificationLevel } from '../principal';
import { isoDate } from './iso-date.transformer';

/** An account of the built-in issuer (embedded default only; production uses an external provider). */
@Entity({ name: 'identity_accounts' })
export class Account {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Stored lower-case, so `Alice` and `alice` are one account. */
  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'simple-json' })
  roles!: Role[];

  @Column({ type: 'simple-json' })
  scope!: PrincipalScope;

  @Column({ type: 'varchar', length: 16 })
  verification!: VerificationLevel;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  /** No longer counted: failures now earn delays per username and address (LoginDelays), never a lock. Kept so stored accounts need no change. */
  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  /** No longer set, for the same reason. */
  @InstantColumn({ length: 30, nullable: true, transformer: isoDate })
  lockedUntil!: Date | null;

  @InstantColumn({ length: 30, nullable: true, transformer: isoDate })
  verifiedAt!: Date | null;

  /** Set by an admin: no login, no refresh, and the access tokens already out stop working. */
  @InstantColumn({ length: 30, nullable: true, default: null, transformer: isoDate })
  disabledAt!: Date | null;

  /** Subject of the admin who disabled the account. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  disabledBy!: string | null;

  /** Subject of the officer who verified the account. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  verifiedBy!: string | null;

  /** When an officer refused to verify the account (they could not confirm who it is); it leaves the pending list. */
  @InstantColumn({ nullable: true, default: null })
  refusedAt!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  refusedBy!: string | null;

  /** Shown to the resident, so they know what to bring to the community office. */
  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  refusalReason!: string | null;

  @InstantColumn({ length: 30, transformer: isoDate })
  createdAt!: Date;
}
