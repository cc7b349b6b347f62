import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { ConsumerPosition, MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
import { acceptAll } from './event-parser';
import { InProcessEventBus } from './in-process-event-bus';
import { caseEvent, describeEventBusContract } from '@gongzhi/testing';
import { StreamTally } from '@gongzhi/testing';
import { platformDataSource } from '@gongzhi/persistence';

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
