import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { InMemoryEventStore, caseEvent, eventually } from '@gongzhi/testing';
import { MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
import { KafkaRelay, RELAY_SOURCE } from './kafka-relay';
import { HEADERS } from './wire-format';

/** A broker that acknowledges every send but the ones the test makes fail. */
function fakeKafka(failSend: (call: number) => boolean) {
  const acknowledged: string[] = [];
  let calls = 0;
  const kafka = {
    producer: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async ({ messages }: { messages: Message[] }) => {
        if (failSend(++calls)) throw new Error('broker unavailable');
        acknowledged.push(...messages.map((m) => String(m.headers?.[HEADERS.eventId])));
        return [];
      },
    }),
  } as unknown as Kafka;
  return { kafka, acknowledged };
}

it('a relay that is behind publishes the whole log in order, once, even when a send fails between full batches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-relay-'));
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database: join(dir, 'relay.sqlite'),
    entities: MESSAGING_ENTITIES,
    synchronize: true,
  }).initialize();
  const state = new ConsumerStateStore(dataSource);
  const store = new InMemoryEventStore();
  for (let n = 1; n <= 22; n++) await store.appendToStream(`case-${n % 3}`, [caseEvent(n)]);
  const { kafka, acknowledged } = fakeKafka((call) => call === 3);
  const errors: unknown[] = [];
  const relay = new KafkaRelay({ name: 'relay', store, kafka, topic: 'cases', state, batchSize: 4, onError: (e) => errors.push(e) });
  try {
    await relay.start();
    await eventually(async () => acknowledged.length, (count) => count >= 22);
    await relay.stop();

    const log = (await store.readAll()).map((e) => e.eventId);
    expect(acknowledged).toEqual(log);
    expect(errors).toHaveLength(1);
    expect(await state.position('relay', RELAY_SOURCE)).toBe((await store.readAll()).at(-1)!.globalPosition);
  } finally {
    await relay.stop();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
