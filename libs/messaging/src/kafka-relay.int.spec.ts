import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Message } from 'kafkajs';

import { InMemoryEventStore, caseEvent, eventuallyReturns } from '@gongzhi/testing';
import { MESSAGING_ENTITIES } from './consumer-state.entities';
import { ConsumerStateStore } from './consumer-state-store';
import { KafkaRelay, RELAY_SOURCE } from './kafka-relay';
import { HEADERS } from './wire-format';
import { platformDataSource } from '@gongzhi/persistence';

/** A broker that acknowledges every send but the ones the test makes fail. */
function fakeKafka(failSend: (call: number) => boolean) {
  const acknowledged: string[] = [];
  const sends: number[] = [];
  let calls = 0;
  const kafka = {
    producer: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async ({ messages }: { messages: Message[] }) => {
        if (failSend(++calls)) throw new Error('broker unavailable');
        acknowledged.push(...messages.map((m) => String(m.headers?.[HEADERS.eventId])));
        sends.push(messages.length);
        return [];
      },
    }),
  } as unknown as Kafka;
  return { kafka, acknowledged, sends };
}

async function relayState(dir: string) {
  const dataSource = await platformDataSource({
    type: 'better-sqlite3',
    database: join(dir, 'relay.sqlite'),
    entities: MESSAGING_ENTITIES,
    synchronize: true,
  }).initialize();
  return { dataSource, state: new ConsumerStateStore(dataSource) };
}

it('a batch over the send size limit goes out in several sends; after a failed send only the unacknowledged part is sent again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-relay-'));
  const { dataSource, state } = await relayState(dir);
  const store = new InMemoryEventStore();
  const notes = '纸箱挡住消防通道'.repeat(40); // about 1 KB per event
  for (let n = 1; n <= 12; n++) await store.appendToStream(`case-${n % 4}`, [caseEvent(n, { notes })]);
  const { kafka, acknowledged, sends } = fakeKafka((call) => call === 2);
  const errors: unknown[] = [];
  const relay = new KafkaRelay({
    name: 'relay',
    store,
    kafka,
    topic: 'cases',
    state,
    batchSize: 12,
    maxSendBytes: 5_000,
    onError: (e) => errors.push(e),
  });
  try {
    await relay.start();
    await eventuallyReturns(
      async () => acknowledged.length,
      (count) => count >= 12,
    );
    await relay.stop();

    expect(acknowledged).toEqual((await store.readAll()).map((e) => e.eventId)); // none twice
    expect(sends.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...sends)).toBeLessThan(12);
    expect(errors).toHaveLength(1);
    expect(await state.position('relay', RELAY_SOURCE)).toBe(await store.headPosition());
  } finally {
    await relay.stop();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('a relay that is behind publishes the whole log in order, once, even when a send fails between full batches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-relay-'));
  const { dataSource, state } = await relayState(dir);
  const store = new InMemoryEventStore();
  for (let n = 1; n <= 22; n++) await store.appendToStream(`case-${n % 3}`, [caseEvent(n)]);
  const { kafka, acknowledged } = fakeKafka((call) => call === 3);
  const errors: unknown[] = [];
  const relay = new KafkaRelay({ name: 'relay', store, kafka, topic: 'cases', state, batchSize: 4, onError: (e) => errors.push(e) });
  try {
    await relay.start();
    await eventuallyReturns(
      async () => acknowledged.length,
      (count) => count >= 22,
    );
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

it('an event larger than the broker takes is named in the error, and nothing after it is published past it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-relay-'));
  const { dataSource, state } = await relayState(dir);
  const store = new InMemoryEventStore();
  await store.appendToStream('case-1', [caseEvent(1)]);
  await store.appendToStream('case-2', [caseEvent(2, { notes: '楼'.repeat(400_000) })]);
  await store.appendToStream('case-3', [caseEvent(3)]);
  const big = (await store.readAll())[1];
  const acknowledged: string[] = [];
  const kafka = {
    producer: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async ({ messages }: { messages: Message[] }) => {
        if (messages.some((m) => String(m.value).length > 100_000)) {
          throw Object.assign(new Error('The request included a message larger than the max message size the server will accept'), {
            type: 'MESSAGE_TOO_LARGE',
          });
        }
        acknowledged.push(...messages.map((m) => String(m.headers?.[HEADERS.eventId])));
      },
    }),
  } as unknown as Kafka;
  const errors: Error[] = [];
  const relay = new KafkaRelay({ name: 'relay', store, kafka, topic: 'cases', state, onError: (e) => errors.push(e as Error) });
  try {
    await relay.start();
    await eventuallyReturns(
      async () => errors.length,
      (count) => count >= 1,
    );
    await relay.stop();

    expect(errors[0].message).toContain(`event ${big.eventId}`);
    expect(errors[0].message).toContain('message.max.bytes');
    expect(acknowledged).toHaveLength(1); // case-1 went out; case-3 waits behind the big one
    expect(await state.position('relay', RELAY_SOURCE)).toBe((await store.readAll())[0].globalPosition);
  } finally {
    await relay.stop();
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
