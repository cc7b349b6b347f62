import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { caseEvent, eventuallyReturns, postgresDataSource } from '@gongzhi/testing';
import type { RecordedEvent } from '@gongzhi/eventsourcing';
import { InboxEntry, MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
import { acceptAll } from './event-parser';
import { InProcessEventBus } from './in-process-event-bus';
import { platformDataSource } from '@gongzhi/persistence';

const sqliteDir = mkdtempSync(join(tmpdir(), 'gongzhi-inbox-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

const databases: Array<[string, () => Promise<DataSource>]> = [
  ['PostgreSQL', () => postgresDataSource('inbox')],
  [
    'SQLite',
    () =>
      platformDataSource({
        type: 'better-sqlite3',
        database: join(sqliteDir, `inbox-${randomUUID()}.sqlite`),
        entities: MESSAGING_ENTITIES,
        synchronize: true,
      }).initialize(),
  ],
];

describe.each(databases)('ConsumerStateStore on %s: a batch effect', (_, open) => {
  let dataSource: DataSource;
  let state: ConsumerStateStore;
  beforeAll(async () => {
    dataSource = await open();
    state = new ConsumerStateStore(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const ids = (...names: string[]) => names.map((name) => ({ eventId: `${name}-${dataSource.options.type}` }));
  const recording = (seen: string[][]) => ({
    batch: async (events: readonly { eventId: string }[]) => void seen.push(events.map((e) => e.eventId)),
  });

  it('gets the events its inbox has not seen, in order, each once', async () => {
    const seen: string[][] = [];
    expect(await state.processBatch('projector', ids('a', 'b', 'c'), recording(seen))).toEqual({ applied: 3, skipped: 0 });
    expect(await state.processBatch('projector', ids('b', 'c', 'd', 'd', 'e'), recording(seen))).toEqual({ applied: 2, skipped: 3 });
    expect(await state.processBatch('projector', ids('a', 'e'), recording(seen))).toEqual({ applied: 0, skipped: 2 });
    expect(seen).toEqual([ids('a', 'b', 'c').map((e) => e.eventId), ids('d', 'e').map((e) => e.eventId)]);
  });

  it('after a redelivery of applied events, applies only the new ones, and every event of the batches after it', async () => {
    const seen: string[][] = [];
    const batch = (...names: string[]) => state.processBatch('redelivered', ids(...names), recording(seen));
    expect(await batch('r1', 'r2')).toEqual({ applied: 2, skipped: 0 });
    expect(await batch('r1', 'r2', 'r3')).toEqual({ applied: 1, skipped: 2 }); // the broker sends r1 and r2 again
    expect(await batch('r4', 'r5')).toEqual({ applied: 2, skipped: 0 });
    expect(await batch('r6')).toEqual({ applied: 1, skipped: 0 });
    expect(await batch('r5', 'r6')).toEqual({ applied: 0, skipped: 2 });
    expect(seen).toEqual([['r1', 'r2'], ['r3'], ['r4', 'r5'], ['r6']].map((names) => ids(...names).map((e) => e.eventId)));
    const inbox = await dataSource.getRepository(InboxEntry).findBy({ consumer: 'redelivered' });
    expect(inbox).toHaveLength(6);
  });

  it('records no inbox row for an event that changes nothing, and passes it on each time it comes', async () => {
    const seen: string[][] = [];
    const changesSomething = (event: { eventId: string }) => !event.eventId.startsWith('n');
    const batch = (...names: string[]) => state.processBatch('picky', ids(...names), recording(seen), undefined, changesSomething);
    expect(await batch('h', 'n1', 'n1', 'i')).toEqual({ applied: 3, skipped: 1 });
    expect(await batch('h', 'n1', 'j')).toEqual({ applied: 2, skipped: 1 });
    expect(seen).toEqual([ids('h', 'n1', 'i').map((e) => e.eventId), ids('n1', 'j').map((e) => e.eventId)]);
    const inbox = await dataSource.getRepository(InboxEntry).findBy({ consumer: 'picky' });
    expect(inbox.map((row) => row.eventId).sort()).toEqual(ids('h', 'i', 'j').map((e) => e.eventId));
  });

  it('leaves no inbox row behind when the effect fails, so the redelivery applies the events', async () => {
    await expect(
      state.processBatch('failing', ids('f', 'g'), { batch: async () => Promise.reject(new Error('read model down')) }),
    ).rejects.toThrow('read model down');
    const seen: string[][] = [];
    expect(await state.processBatch('failing', ids('f', 'g'), recording(seen))).toEqual({ applied: 2, skipped: 0 });
    expect(seen).toEqual([ids('f', 'g').map((e) => e.eventId)]);
  });
});

it('a consumer with handleBatch gets its events through it, in order, instead of one handle call each', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-batch-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const dataSource = await platformDataSource({
    type: 'better-sqlite3',
    database: join(dir, 'read-models.sqlite'),
    entities: MESSAGING_ENTITIES,
    synchronize: true,
  }).initialize();
  const batches: number[][] = [];
  const bus = new InProcessEventBus({ topics: { cases: store }, idleDelayMs: 10 });
  const consumer = await bus.start(
    {
      name: 'batch-tally',
      topics: ['cases'],
      parser: acceptAll,
      handle: async () => Promise.reject(new Error('handle must not be called when handleBatch is given')),
      handleBatch: async (events: readonly RecordedEvent[]) => void batches.push(events.map((e) => (e.data as { n: number }).n)),
    },
    { state: new ConsumerStateStore(dataSource) },
  );
  try {
    await store.appendToStream('case-1', [caseEvent(1), caseEvent(2), caseEvent(3)]);
    await eventuallyReturns(
      async () => batches.flat(),
      (n) => n.length >= 3,
    );
    expect(batches.flat()).toEqual([1, 2, 3]);
  } finally {
    await consumer.stop();
    await store.close();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
