import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Message, ProducerConfig, ProducerRecord } from 'kafkajs';

import { uuidv7 } from '@gongzhi/eventsourcing';
import { InMemoryEventStore, caseEvent, createTopic, eventuallyReturns, kafkaClient, readTopic, testKafkaBrokers } from '@gongzhi/testing';
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

/**
 * The real broker behind producers that fail where the test says: `refused` throws before the records reach
 * the broker; `ack-lost` lets them reach it, then throws as if the connection closed before the acknowledgement.
 * Producers are numbered in the order the relay makes them (one per lane); `onBroker` hears what reached it.
 */
function faultyKafka(
  kafka: Kafka,
  fault: (producer: number, send: number) => 'refused' | 'ack-lost' | undefined,
  onBroker: (messages: readonly Message[], happened: 'ack-lost' | undefined) => void,
): Kafka {
  let producers = 0;
  return {
    admin: () => kafka.admin(),
    producer: (config?: ProducerConfig) => {
      const real = kafka.producer(config);
      const producer = ++producers;
      let sends = 0;
      return {
        ...real,
        send: async (record: ProducerRecord) => {
          const happens = fault(producer, ++sends);
          if (happens === 'refused') throw new Error('broker unavailable');
          const result = await real.send(record);
          onBroker(record.messages, happens);
          if (happens === 'ack-lost') throw new Error('connection closed before the acknowledgement arrived');
          return result;
        },
      };
    },
  } as unknown as Kafka;
}

/** A checkpoint store that notes, at each save, whether every event up to it had reached the broker. */
class WatchedCheckpoints extends ConsumerStateStore {
  readonly saved: number[] = [];
  readonly pastTheBroker: number[] = [];
  onBroker = new Set<number>();

  override async savePosition(consumer: string, source: string, position: number): Promise<void> {
    for (let p = Math.max(1, this.saved.at(-1) ?? 1); p <= position; p++) if (!this.onBroker.has(p)) this.pastTheBroker.push(p);
    this.saved.push(position);
    return super.savePosition(consumer, source, position);
  }
}

const eventIdOf = (message: { headers?: Message['headers'] }) => String(message.headers?.[HEADERS.eventId]);

/** Each stream as a consumer that skips event ids it has seen sees it: first occurrences, in topic order. */
function streamsAsConsumed(messages: ReadonlyArray<{ key: Buffer | string | null; headers?: Message['headers'] }>) {
  const seen = new Set<string>();
  const streams = new Map<string, string[]>();
  for (const message of messages) {
    const id = eventIdOf(message);
    if (seen.has(id)) continue;
    seen.add(id);
    const key = String(message.key);
    streams.set(key, [...(streams.get(key) ?? []), id]);
  }
  return streams;
}

async function storeStreams(store: InMemoryEventStore) {
  const streams = new Map<string, string[]>();
  for (const event of await store.readAll()) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event.eventId]);
  return streams;
}

async function everythingOn(kafka: Kafka, topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return readTopic(
    kafka,
    topic,
    offsets.reduce((sum, p) => sum + Number(p.high), 0),
  );
}

describe('on a real broker, a lane per partition sending side by side', () => {
  const kafka = kafkaClient(testKafkaBrokers());

  async function fill(store: InMemoryEventStore) {
    const notes = '纸箱挡住消防通道'.repeat(20); // about 0.5 KB per event, so a lane's batch takes several sends
    for (let round = 1; round <= 30; round++) {
      for (let s = 0; s < 9; s++) await store.appendToStream(`case-${s}`, [caseEvent(round, { notes })]);
    }
  }

  it('a lost acknowledgement in one lane and a refused send in another lose nothing, keep each stream in order, and never checkpoint past the broker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-relay-'));
    const { dataSource } = await relayState(dir);
    const state = new WatchedCheckpoints(dataSource);
    const topic = `test.relay-lanes.${uuidv7()}`;
    await createTopic(kafka, topic, 3);
    const store = new InMemoryEventStore();
    await fill(store);
    const positions = new Map((await store.readAll()).map((e) => [e.eventId, e.globalPosition]));
    const lost: string[] = [];
    let refused = 0;
    const faulty = faultyKafka(
      kafka,
      (producer, send) => {
        if (producer === 2 && send === 2) return 'ack-lost';
        if (producer === 3 && send === 3) return (refused++, 'refused');
        return undefined;
      },
      (messages, happened) => {
        for (const message of messages) state.onBroker.add(positions.get(eventIdOf(message))!);
        if (happened === 'ack-lost') lost.push(...messages.map(eventIdOf));
      },
    );
    const errors: unknown[] = [];
    const relay = new KafkaRelay({
      name: 'relay',
      store,
      kafka: faulty,
      topic,
      state,
      batchSize: 100,
      maxSendBytes: 6_000,
      onError: (e) => errors.push(e),
    });
    try {
      await relay.start();
      const head = await store.headPosition();
      await eventuallyReturns(
        () => state.position('relay', RELAY_SOURCE),
        (position) => position === head,
      );
      await relay.stop();

      const messages = await everythingOn(kafka, topic);
      expect(streamsAsConsumed(messages)).toEqual(await storeStreams(store)); // every event, each stream in order
      // Both faults struck (in one batch or two: a batch reports its first failed send).
      expect(refused).toBe(1);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors.length).toBeLessThanOrEqual(2);
      expect(state.pastTheBroker).toEqual([]);
      // Only the records whose acknowledgement was lost went out twice; what other lanes had acknowledged in the
      // failed batches was not sent again.
      const counts = new Map<string, number>();
      for (const message of messages) counts.set(eventIdOf(message), (counts.get(eventIdOf(message)) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
      expect(lost.length).toBeGreaterThan(0);
      expect(twice.sort()).toEqual(lost.sort());
      expect(messages.length).toBe(positions.size + lost.length);
    } finally {
      await relay.stop();
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a relay stopped while one partition cannot be sent starts again from its checkpoint: nothing lost, each stream in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-relay-'));
    const { dataSource, state } = await relayState(dir);
    const topic = `test.relay-restart.${uuidv7()}`;
    await createTopic(kafka, topic, 3);
    const store = new InMemoryEventStore();
    await fill(store);
    // The second lane's broker connection is down for good after its first send: the other lanes go on.
    const errors: unknown[] = [];
    const first = new KafkaRelay({
      name: 'relay',
      store,
      kafka: faultyKafka(
        kafka,
        (producer, send) => (producer === 2 && send > 1 ? 'refused' : undefined),
        () => undefined,
      ),
      topic,
      state,
      batchSize: 100,
      maxSendBytes: 6_000,
      onError: (e) => errors.push(e),
    });
    await first.start();
    await eventuallyReturns(
      async () => errors.length,
      (count) => count >= 2,
    );
    await first.stop();
    const stoppedAt = (await state.position('relay', RELAY_SOURCE)) ?? 0;
    const head = await store.headPosition();
    expect(stoppedAt).toBeLessThan(head);
    const beforeRestart = (await everythingOn(kafka, topic)).length;
    expect(beforeRestart).toBeGreaterThan(0);

    // The restart: a relay with the same checkpoint and a broker that takes everything.
    const second = new KafkaRelay({ name: 'relay', store, kafka, topic, state, batchSize: 100, maxSendBytes: 6_000 });
    try {
      await second.start();
      await eventuallyReturns(
        () => state.position('relay', RELAY_SOURCE),
        (position) => position === head,
      );
      await second.stop();

      const messages = await everythingOn(kafka, topic);
      expect(streamsAsConsumed(messages)).toEqual(await storeStreams(store));
      // What the first relay had checkpointed is not sent again; what it sent past its checkpoint may be.
      const positions = new Map((await store.readAll()).map((e) => [e.eventId, e.globalPosition]));
      const counts = new Map<string, number>();
      for (const message of messages) counts.set(eventIdOf(message), (counts.get(eventIdOf(message)) ?? 0) + 1);
      for (const [id, n] of counts) if (n > 1) expect(positions.get(id)).toBeGreaterThan(stoppedAt);
    } finally {
      await second.stop();
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
