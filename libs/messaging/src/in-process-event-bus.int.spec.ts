import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { ConsumerPosition, MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
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
