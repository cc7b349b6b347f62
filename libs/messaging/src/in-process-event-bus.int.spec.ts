import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { ConsumerPosition, MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
import { acceptAll } from './event-parser';
import { InProcessEventBus } from './in-process-event-bus';
import { caseEvent, describeEventBusContract, eventuallyReturns } from '@gongzhi/testing';
import { StreamTally } from '@gongzhi/testing';
import { platformDataSource } from '@gongzhi/persistence';
import type { DataSource } from 'typeorm';

describeEventBusContract('in-process bus on SQLite (the embedded default)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bus-'));
  const store = SqliteEventStore.open(join(dir, 'grid-events.sqlite'));
  const dataSource = platformDataSource({
    type: 'better-sqlite3',
    database: join(dir, 'read-models.sqlite'),
    entities: [...MESSAGING_ENTITIES, StreamTally],
    synchronize: true,
  });
  await dataSource.initialize();
  const topic = 'gongzhi.grid-events.v1';
  return {
    bus: new InProcessEventBus({ topics: { [topic]: store }, idleDelayMs: 10 }),
    state: new ConsumerStateStore(dataSource),
    dataSource,
    topic,
    append: async (streamId, events) => void (await store.appendToStream(streamId, events)),
    injectPoison: async () => void (await store.appendToStream('case-poison', [caseEvent(0, { poison: true })])),
    deadLetterReasons: async (consumer) => (await new ConsumerStateStore(dataSource).deadLetters(consumer)).map((d) => d.reason),
    redeliver: async (consumer) => void (await dataSource.getRepository(ConsumerPosition).delete({ consumer })),
    close: async () => {
      await store.close();
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('in-process bus, hurried by a caller waiting for its consumers', () => {
  it('applies an append as soon as it is hurried, not after the consumer’s linger for more appends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-bus-hurry-'));
    const store = SqliteEventStore.open(join(dir, 'grid-events.sqlite'));
    const dataSource = platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, 'read-models.sqlite'),
      entities: [...MESSAGING_ENTITIES],
      synchronize: true,
    });
    await dataSource.initialize();
    const topic = 'gongzhi.grid-events.v1';
    const state = new ConsumerStateStore(dataSource);
    // An idle wait and a linger far longer than the test may take: only `hurry` can get the second event applied in time.
    const bus = new InProcessEventBus({ topics: { [topic]: store }, idleDelayMs: 60_000, wakeLingerMs: 60_000 });
    const applied: string[] = [];
    const commit = () => new Promise<void>((resolve) => state.onCommit(resolve));
    let committed = commit();
    await store.appendToStream('case-1', [caseEvent(1)]);
    const consumer = await bus.start(
      { name: 'tally', topics: [topic], parser: acceptAll, handle: async (event) => void applied.push(event.streamId) },
      { state },
    );
    await committed;
    committed = commit();
    await store.appendToStream('case-2', [caseEvent(2)]);
    const hurrying = setInterval(() => bus.hurry(), 5);
    try {
      await committed;
    } finally {
      clearInterval(hurrying);
    }

    expect(applied).toEqual(['case-1', 'case-2']);
    await consumer.stop();
    await store.close();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }, 10_000);
});

describe('in-process bus, consumers replaying a topic together', () => {
  const topic = 'gongzhi.grid-events.v1';
  let dir: string;
  let store: SqliteEventStore;
  const dataSources: DataSource[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-bus-pack-'));
    store = SqliteEventStore.open(join(dir, 'grid-events.sqlite'));
    for (let n = 1; n <= 60; n++) await store.appendToStream(`case-${n}`, [caseEvent(n)]);
  });
  afterEach(async () => {
    await store.close();
    await Promise.all(dataSources.splice(0).map((d) => d.destroy().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Each consumer its own database: on SQLite the consumers of one database take turns, which would keep them
   * together by itself (and a stuck one would hold the other's turn for ever).
   */
  const ownState = async (name: string) => {
    const dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, `${name}.sqlite`),
      entities: [...MESSAGING_ENTITIES],
      synchronize: true,
    }).initialize();
    dataSources.push(dataSource);
    return { state: new ConsumerStateStore(dataSource) };
  };

  /** A consumer whose batches take `ms` each (for ever when null), counting the pages it has handled in `handled`. */
  const consumer = (name: string, ms: number | null, handled: Map<string, number>, afterEach?: () => void) => ({
    name,
    topics: [topic],
    parser: acceptAll,
    handle: async () => undefined,
    handleBatch: async () => {
      await new Promise((resolve) => (ms === null ? undefined : setTimeout(resolve, ms)));
      handled.set(name, (handled.get(name) ?? 0) + 1);
      afterEach?.();
    },
  });

  it('keeps a light consumer within its window of pages of a heavy one, where alone it would finish first', async () => {
    const bus = new InProcessEventBus({ topics: { [topic]: store }, batchSize: 5, replayWindowPages: 3, idleDelayMs: 10 });
    const handled = new Map<string, number>();
    let widest = 0;
    const note = () => (widest = Math.max(widest, (handled.get('light') ?? 0) - (handled.get('heavy') ?? 0)));
    const [heavyState, lightState] = await Promise.all([ownState('heavy'), ownState('light')]);
    const running = await Promise.all([
      bus.start(consumer('heavy', 30, handled), heavyState),
      bus.start(consumer('light', 0, handled, note), lightState),
    ]);
    await eventuallyReturns(
      async () => [handled.get('light'), handled.get('heavy')],
      ([light, heavy]) => light === 12 && heavy === 12,
    );
    await Promise.all(running.map((r) => r.stop()));
    // Three pages of window, the page read ahead and the one in hand.
    expect(widest).toBeLessThanOrEqual(5);
  });

  it('does not let a consumer that is stuck hold the others back', async () => {
    const bus = new InProcessEventBus({ topics: { [topic]: store }, batchSize: 5, replayWindowPages: 3, idleDelayMs: 10 });
    const handled = new Map<string, number>();
    const [stuckState, otherState] = await Promise.all([ownState('stuck'), ownState('other')]);
    const [, other] = await Promise.all([
      bus.start(consumer('stuck', null, handled), stuckState),
      bus.start(consumer('other', 0, handled), otherState),
    ]);
    // Held back while the stuck one may still be at work, then let go.
    await eventuallyReturns(
      async () => handled.get('other'),
      (pages) => pages === 12,
      10_000,
    );
    expect(handled.get('stuck')).toBeUndefined();
    await other.stop(); // the stuck one's batch never ends, and so neither would its stop
  }, 15_000);
});
