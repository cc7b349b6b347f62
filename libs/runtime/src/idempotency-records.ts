import { randomUUID } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import type { DataSource, Repository } from 'typeorm';
import type { Clock } from '@gongzhi/eventsourcing';
import {
  IDEMPOTENCY_CLAIM_SECONDS,
  IDEMPOTENCY_STORE,
  IDEMPOTENCY_WINDOW_HOURS,
  type IdempotencyClaim,
  type IdempotencyStore,
  type IdempotentAnswer,
} from '@gongzhi/identity';
import { IdempotencyRecord } from './idempotency-record.entity';

export interface IdempotencyRecordsOptions {
  /**
   * A keyed hash of the request's fingerprint, for requests whose body is a secret with few values (a
   * ballot's choice): a plain hash of it could be guessed back from a copy of the database.
   */
  readonly sealFingerprint?: (fingerprint: string) => string;
}

/**
 * The idempotency keys of a service, in its own database (SQLite embedded, its PostgreSQL schema distributed).
 * The claim is an insert that only one request can make (the key is the primary key), so racing repeats
 * run the command once on either store. Expired keys are forgotten when the next key is claimed.
 */
export class IdempotencyRecords implements IdempotencyStore {
  private readonly records: Repository<IdempotencyRecord>;
  private readonly seal: (fingerprint: string) => string;

  constructor(
    dataSource: DataSource,
    private readonly clock: Clock,
    options: IdempotencyRecordsOptions = {},
  ) {
    this.records = dataSource.getRepository(IdempotencyRecord);
    this.seal = options.sealFingerprint ?? ((fingerprint) => fingerprint);
  }

  async claim(caller: string, key: string, requestFingerprint: string): Promise<IdempotencyClaim> {
    const fingerprint = this.seal(requestFingerprint);
    const now = this.clock.now();
    await this.records.createQueryBuilder().delete().where('expires_at <= :now', { now: now.toISOString() }).execute();
    const token = randomUUID();
    await this.records
      .createQueryBuilder()
      .insert()
      .values({
        caller,
        key,
        fingerprint,
        claim: token,
        status: null,
        contentType: null,
        body: null,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_CLAIM_SECONDS * 1000).toISOString(),
      })
      .orIgnore()
      .execute();
    const record = await this.records.findOneBy({ caller, key });
    // Gone between the insert and the read: another request's claim was released or expired just then.
    if (!record) return { kind: 'in-progress' };
    if (record.claim === token) return { kind: 'claimed', token };
    if (record.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (record.status === null || record.body === null) return { kind: 'in-progress' };
    return { kind: 'replay', answer: { status: record.status, contentType: record.contentType, body: record.body } };
  }

  async complete(caller: string, key: string, token: string, answer: IdempotentAnswer): Promise<void> {
    const expiresAt = new Date(this.clock.now().getTime() + IDEMPOTENCY_WINDOW_HOURS * 3_600_000).toISOString();
    await this.records.update(
      { caller, key, claim: token },
      { status: answer.status, contentType: answer.contentType, body: answer.body, expiresAt },
    );
  }

  async release(caller: string, key: string, token: string): Promise<void> {
    await this.records.delete({ caller, key, claim: token });
  }
}

/** The provider a service module adds so its `@Idempotent()` routes keep their keys in its own database. */
export function idempotencyStoreFor(
  infrastructure: { readonly dataSource: DataSource; readonly clock: Clock },
  options?: IdempotencyRecordsOptions,
): Provider {
  return { provide: IDEMPOTENCY_STORE, useValue: new IdempotencyRecords(infrastructure.dataSource, infrastructure.clock, options) };
}
