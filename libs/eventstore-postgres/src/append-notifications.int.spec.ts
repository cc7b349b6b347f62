import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { tailLog, type RecordedEvent, type Subscription } from '@gongzhi/eventsourcing';
import { eventuallyPasses, freshTestDatabase } from '@gongzhi/testing';
import { PostgresEventStore } from './postgres-event-store';

/** Long enough that a tail found the event by polling only if the test waited this long; it waits 10 s. */
const POLL_ONLY_AFTER_MS = 120_000;

let url: string;
let admin: Client;
beforeAll(async () => {
  url = await freshTestDatabase('notify');
  admin = new Client({ connectionString: url });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
});

/** Two processes on one store (two replicas): `writer` appends, `reader` tails, polling only every two minutes. */
async function twoProcesses() {
  const schema = `notified_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const writer = await PostgresEventStore.connect({ connectionString: url, schema });
  const reader = await PostgresEventStore.connect({ connectionString: url, schema });
  const received: RecordedEvent[] = [];
  const tail: Subscription = tailLog({
    after: 0,
    read: (after, limit) => reader.readAll({ after, limit }),
    wakeOn: (listener) => reader.onAppended(listener),
    idleDelayMs: POLL_ONLY_AFTER_MS,
    onEvents: (events) => void received.push(...events),
  });
  /** Waits until the reader's store listens on a connection other than `not`. */
  const listening = async (not?: number): Promise<number> => {
    let pid = 0;
    await eventuallyPasses(async () => {
      const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE query = $1 AND state = 'idle'`, [
        `LISTEN "gongzhi_appended_${schema}"`,
      ]);
      expect(rows.filter((r) => r.pid !== not)).toHaveLength(1);
      pid = rows.find((r) => r.pid !== not)!.pid;
    }, 10_000);
    return pid;
  };
  return {
    writer,
    received,
    listening,
    async close() {
      await tail.stop();
      await writer.close();
      await reader.close();
    },
  };
}

describe('PostgreSQL appends announced to other processes (LISTEN/NOTIFY)', () => {
  it('wakes a tail in another process when an event is appended, long before its next poll', async () => {
    const set = await twoProcesses();
    try {
      await set.listening();
      const { lastGlobalPosition } = await set.writer.appendToStream(`case-${randomUUID()}`, [{ type: 'CaseReported', data: { n: 1 } }]);
      await eventuallyPasses(async () => expect(set.received.map((e) => e.globalPosition)).toEqual([lastGlobalPosition]), 10_000);
    } finally {
      await set.close();
    }
  });

  it('listens again after its connection is cut, and still wakes', async () => {
    const set = await twoProcesses();
    try {
      const first = await set.listening();
      await admin.query('SELECT pg_terminate_backend($1)', [first]);
      await set.listening(first);
      const { lastGlobalPosition } = await set.writer.appendToStream(`case-${randomUUID()}`, [{ type: 'CaseReported', data: { n: 2 } }]);
      await eventuallyPasses(async () => expect(set.received.map((e) => e.globalPosition)).toEqual([lastGlobalPosition]), 10_000);
    } finally {
      await set.close();
    }
  });

  it('closes at once when closed while its listening connection is still opening, and leaves nothing listening', async () => {
    const schema = `closing_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await PostgresEventStore.connect({ connectionString: url, schema });
    store.onAppended(() => undefined); // starts connecting; the close below comes before it is through

    await store.close();

    await eventuallyPasses(async () => {
      const { rows } = await admin.query(`SELECT pid FROM pg_stat_activity WHERE query = $1`, [`LISTEN "gongzhi_appended_${schema}"`]);
      expect(rows).toEqual([]);
    }, 10_000);
  });
});
