import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { ManualClock } from '@gongzhi/eventsourcing';
import { freshTestDatabase } from '@gongzhi/testing';
import { openServiceSchema } from './distributed-service';
import { RUNTIME_ENTITIES } from './embedded-platform';
import { IdempotencyRecords } from './idempotency-records';
import { pendingSchemaChanges } from './pending-schema-changes';
import { platformDataSource } from '@gongzhi/persistence';

const sqliteDir = mkdtempSync(join(tmpdir(), 'gongzhi-idempotency-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

const stores: Array<[string, () => Promise<DataSource>]> = [
  // Built by the runtime's migrations, as a distributed service's schema is.
  [
    'PostgreSQL',
    async () => openServiceSchema({ name: 'idempotency-contract', entities: [], migrations: [] }, await freshTestDatabase('idempotency')),
  ],
  [
    'SQLite',
    () =>
      platformDataSource({
        type: 'better-sqlite3',
        database: join(sqliteDir, `${randomUUID()}.sqlite`),
        entities: RUNTIME_ENTITIES,
        synchronize: true,
      }).initialize(),
  ],
];

const created = { status: 201, contentType: 'application/json', body: '{"caseId":"case-1"}' };

describe.each(stores)('idempotency keys on %s', (name, open) => {
  let dataSource: DataSource;
  let clock: ManualClock;
  let store: IdempotencyRecords;
  beforeAll(async () => {
    dataSource = await open();
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    clock = new ManualClock(new Date('2026-12-04T02:00:00.000Z'));
    store = new IdempotencyRecords(dataSource, clock);
  });

  async function claimed(caller: string, key: string, fingerprint = 'report-a'): Promise<string> {
    const claim = await store.claim(caller, key, fingerprint);
    if (claim.kind !== 'claimed') throw new Error(`expected to claim ${key}, got ${claim.kind}`);
    return claim.token;
  }

  it('answers a repeat with the first answer, and a repeat while the first runs with in-progress', async () => {
    const key = randomUUID();
    const token = await claimed('user:resident', key);
    expect(await store.claim('user:resident', key, 'report-a')).toEqual({ kind: 'in-progress' });
    await store.complete('user:resident', key, token, created);
    expect(await store.claim('user:resident', key, 'report-a')).toEqual({ kind: 'replay', answer: created });
    expect(await store.claim('user:resident', key, 'report-a')).toEqual({ kind: 'replay', answer: created });
  });

  it("never gives one caller's answer to another caller holding the same key", async () => {
    const key = randomUUID();
    await store.complete('user:resident', key, await claimed('user:resident', key), created);
    const theirs = await store.claim('user:attacker', key, 'report-a');
    expect(theirs.kind).toBe('claimed');
  });

  it('refuses the key for another request', async () => {
    const key = randomUUID();
    await store.complete('user:resident', key, await claimed('user:resident', key), created);
    expect(await store.claim('user:resident', key, 'report-b')).toEqual({ kind: 'mismatch' });
  });

  it('lets exactly one of many racing requests claim a key', async () => {
    const key = randomUUID();
    const claims = await Promise.all(Array.from({ length: 12 }, () => store.claim('user:resident', key, 'report-a')));
    expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in-progress')).toHaveLength(11);
  });

  it('frees the key of a refused command for the next repeat', async () => {
    const key = randomUUID();
    await store.release('user:resident', key, await claimed('user:resident', key));
    expect((await store.claim('user:resident', key, 'report-b')).kind).toBe('claimed');
  });

  it('forgets an answer after 24 hours of the clock, and a claim left by a stopped process after two minutes', async () => {
    const key = randomUUID();
    const abandoned = randomUUID();
    await store.complete('user:resident', key, await claimed('user:resident', key), created);
    const lost = await claimed('user:resident', abandoned);
    clock.advance({ seconds: 119 });
    expect((await store.claim('user:resident', abandoned, 'report-a')).kind).toBe('in-progress');
    clock.advance({ seconds: 1 });
    const taken = await claimed('user:resident', abandoned);
    // The stopped process cannot overwrite the key now held by the request that took it over.
    await store.complete('user:resident', abandoned, lost, created);
    expect((await store.claim('user:resident', abandoned, 'report-a')).kind).toBe('in-progress');
    expect(taken).not.toBe(lost);

    clock.advance({ hours: 23, minutes: 57 });
    expect((await store.claim('user:resident', key, 'report-a')).kind).toBe('replay');
    clock.advance({ minutes: 1 });
    expect((await store.claim('user:resident', key, 'report-a')).kind).toBe('claimed');
  });

  if (name === 'PostgreSQL') {
    it("is fully built by the runtime's migrations", async () => {
      expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
    });
  }
});
