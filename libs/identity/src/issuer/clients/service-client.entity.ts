import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '@gongzhi/persistence';
import { isoDate } from '../iso-date.transformer';
import type { ClientKind } from './client-kinds';

/**
 * A machine registered with the built-in issuer (a department's system, the 12345 hotline, an
 * analytics reader). It gets OAuth 2.0 client-credentials tokens; only a hash of its secret is kept.
 */
@Entity({ name: 'identity_service_clients' })
export class ServiceClient {
  /** The OAuth `client_id`, chosen by the admin who registers it; never reused, even once revoked. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: ClientKind;

  /** The department a department system acts for; null for the other kinds. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  departmentId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  secretHash!: string;

  /**
   * Names the current secret; its tokens carry it as `sid`. A rotation gives a new one, so the tokens
   * of the old secret are refused at once, as an ended session's are.
   */
  @Column({ type: 'varchar', length: 36 })
  secretId!: string;

  @InstantColumn({ length: 30, transformer: isoDate })
  secretIssuedAt!: Date;

  @InstantColumn({ length: 30, transformer: isoDate })
  createdAt!: Date;

  /** Subject of the admin who registered it (`system` for the demo clients). */
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @InstantColumn({ length: 30, nullable: true, default: null, transformer: isoDate })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  revokedBy!: string | null;
}
