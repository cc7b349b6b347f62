import { Client } from 'pg';
import { StoreUnavailableError, subscribeToAll, uuidv7, type RecordedEvent } from '@gongzhi/eventsourcing';
import {
  createDatabase,
  describeEventStoreContract,
  eventuallyPasses,
  freePort,
  freshTestDatabase,
  readAllUntil,
  startPostgresProcess,
} from '@gongzhi/testing';
import { PostgresEventStore } from './postgres-event-store';

let url: string;
beforeAll(async () => {
  url = await freshTestDatabase('eventstore');
});

describeEventStoreContract('PostgreSQL', { open: () => PostgresEventStore.connect({ connectionString: url }) }, { concurrentWriters: 16 });

/** Appends through the store's own SQL function inside a transaction the test holds open. */
async function openAppend(client: Client, streamId: string, n: number): Promise<void> {
  await client.query('BEGIN');
  const event = {
    i: 0,
    event_id: uuidv7(),
    type: 'CaseReported',
    schema_version: 1,
    data: { n },
    correlation_id: 'c',
    occurred_at: '2026-11-26T09:00:00.000Z',
  };
  await client.query('SELECT * FROM eventstore.append_to_stream($1, -1, $2, now())', [streamId, JSON.stringify([event])]);
}

describe('PostgreSQL global log under transactions that commit out of order', () => {
  let store: PostgresEventStore;
  const clients: Client[] = [];
  const client = async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    store = await PostgresEventStore.connect({ connectionString: url });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await store.close();
  });

  it('holds back a later commit until an earlier transaction is finished, so a checkpoint never passes an event', async () => {
    const stream = `case-${uuidv7()}`;
    const [slow, fast] = [await client(), await client()];
    const head = await store.headPosition();
    await openAppend(slow, stream, 1); // takes its transaction id (and position) first…
    await openAppend(fast, stream + '-b', 2); // …but this one commits first
    await fast.query('COMMIT');

    // A naive reader by position alone sees the fast event now and would checkpoint past the slow one.
    const naive = await fast.query('SELECT global_position FROM eventstore.events WHERE global_position > $1', [head]);
    expect(naive.rows).toHaveLength(1);
    expect(await store.readAll({ after: head })).toEqual([]);

    await slow.query('COMMIT');
    const events = await store.readAll({ after: head });
    expect(events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
  });

  it('a tail running while 16 connections append and commit in random order receives every event once', async () => {
    const connections = await Promise.all(Array.from({ length: 16 }, () => client()));
    const tag = uuidv7();
    const perConnection = 25;
    const received: RecordedEvent[] = [];
    const subscription = subscribeToAll(store, {
      after: await store.headPosition(),
      batchSize: 50,
      idleDelayMs: 1,
      onEvents: (events) => {
        received.push(...events.filter((e) => e.streamId.startsWith(tag)));
      },
    });
    await Promise.all(
      connections.map(async (c, w) => {
        for (let i = 0; i < perConnection; i++) {
          await openAppend(c, `${tag}-${w % 4}`, w * 1000 + i);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
          await c.query('COMMIT');
        }
      }),
    );
    const total = connections.length * perConnection;
    await eventuallyPasses(async () => expect(received.length).toBeGreaterThanOrEqual(total), 20_000, 20);
    await subscription.stop();

    expect(received).toHaveLength(total);
    expect(new Set(received.map((e) => e.eventId)).size).toBe(total);
    received.slice(1).forEach((e, i) => expect(e.globalPosition).toBeGreaterThan(received[i].globalPosition));
  });
});

describe('PostgreSQL global log read by several tails from the same place (a rebuild)', () => {
  it('hands the readers of a full page the same events, frozen, and reads the head of the log again each time', async () => {
    const store = await PostgresEventStore.connect({ connectionString: url, schema: 'pages' });
    try {
      for (const n of [1, 2, 3]) await store.appendToStream(`case-${n}`, [{ type: 'CaseReported', data: { n, tags: ['a'] } }]);
      const first = await store.readAll({ after: 0, limit: 2 });
      const second = await store.readAll({ after: 0, limit: 2 });
      expect(second.map((e) => e.data)).toEqual([
        { n: 1, tags: ['a'] },
        { n: 2, tags: ['a'] },
      ]);
      expect(second[0]).toBe(first[0]);
      expect(() => ((first[0].data as { tags: string[] }).tags as string[]).push('b')).toThrow();

      const after = first[1].globalPosition;
      expect((await store.readAll({ after, limit: 2 })).map((e) => (e.data as { n: number }).n)).toEqual([3]);
      await store.appendToStream('case-4', [{ type: 'CaseReported', data: { n: 4 } }]);
      expect((await store.readAll({ after, limit: 2 })).map((e) => (e.data as { n: number }).n)).toEqual([3, 4]);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL global log, serialised by the database for relays', () => {
  it('gives the same events, in the same order, as readAll would, each as its JSON', async () => {
    const store = await PostgresEventStore.connect({ connectionString: url, schema: 'serialised' });
    const actor = { id: 'resident-1', kind: 'user' as const, roles: ['resident'] };
    await store.appendToStream('case-1', [
      { type: 'CaseReported', data: { text: '井盖缺失 "危险"', n: 1.5, tags: ['a'] }, actor, causationId: 'c-1' },
    ]);
    await store.appendToStream('case-2', [
      { type: 'CaseReported', data: {} },
      { type: 'CaseAccepted', data: { by: null } },
    ]);
    const events = await readAllUntil(store, 0, (seen) => seen.length >= 3);
    const serialised = await store.readAllSerialised({ after: 0, limit: 10 });
    await store.close();
    expect(serialised.map((s) => JSON.parse(s.json))).toEqual(events);
    expect(
      serialised.map(({ eventId, streamId, globalPosition, recordedAt }) => ({ eventId, streamId, globalPosition, recordedAt })),
    ).toEqual(events.map(({ eventId, streamId, globalPosition, recordedAt }) => ({ eventId, streamId, globalPosition, recordedAt })));
  });
});

describe('PostgreSQL write-ahead log, which a ballot box on the same server shares', () => {
  it('names one log for every database and schema of one server, and another for another server', async () => {
    const here = await PostgresEventStore.connect({ connectionString: url, schema: 'wal_a' });
    const sameServer = await PostgresEventStore.connect({ connectionString: await freshTestDatabase('wal'), schema: 'wal_b' });
    const elsewhere = await startPostgresProcess();
    const otherServer = await PostgresEventStore.connect({
      connectionString: await createDatabase(elsewhere.url(), 'wal'),
      schema: 'wal_a',
    });
    try {
      const log = await here.writeAheadLog();
      expect(log).toEqual(expect.any(String));
      expect(await sameServer.writeAheadLog()).toBe(log);
      expect(await otherServer.writeAheadLog()).not.toBe(log);
    } finally {
      await Promise.all([here.close(), sameServer.close(), otherServer.close()]);
      await elsewhere.stop();
    }
  });
});

describe('PostgreSQL event store faults', () => {
  it('answers an unreachable server at once with an error naming its address', async () => {
    const port = await freePort();
    const error = await PostgresEventStore.connect({ connectionString: `postgresql://u:p@127.0.0.1:${port}/gongzhi` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(`postgresql://127.0.0.1:${port}/gongzhi`);
  }, 6_000);

  it('keeps positions increasing when the store is opened again', async () => {
    const first = await PostgresEventStore.connect({ connectionString: url, schema: 'reopen' });
    const a = await first.appendToStream(`case-${uuidv7()}`, [{ type: 'CaseReported', data: {} }]);
    await first.close();
    const second = await PostgresEventStore.connect({ connectionString: url, schema: 'reopen' });
    const b = await second.appendToStream(`case-${uuidv7()}`, [{ type: 'CaseReported', data: {} }]);
    const events = await readAllUntil(second, 0, (seen) => seen.length >= 2);
    await second.close();
    expect(b.lastGlobalPosition).toBeGreaterThan(a.lastGlobalPosition);
    expect(events.map((e) => e.globalPosition)).toEqual([a.lastGlobalPosition, b.lastGlobalPosition]);
  });
});
