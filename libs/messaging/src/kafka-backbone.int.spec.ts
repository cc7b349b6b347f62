import type { Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { uuidv7, type RecordedEvent } from '@gongzhi/eventsourcing';
import { deadLetterTopic } from '@gongzhi/contracts';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import {
  createDatabase,
  startKafka,
  startPostgresProcess,
  testKafkaBrokers,
  type RunningKafka,
  type RunningPostgres,
} from '@gongzhi/testing';
import { MESSAGING_ENTITIES } from './consumer-state.entities';
import { KafkaRelay } from './kafka-relay';
import type { RunningConsumer } from './consumer-definition';
import { ConsumerStateStore } from './consumer-state-store';
import { toKafkaMessage } from './wire-format';
import { caseEvent, describeEventBusContract, eventuallyReturns } from '@gongzhi/testing';
import { createTopic, kafkaClient, newBus, postgresDataSource, readTopic, serviceWithRelay, uncommittedMessages } from '@gongzhi/testing';
import { StreamTally, tallyProjector } from '@gongzhi/testing';
import { platformDataSource } from '@gongzhi/persistence';

describeEventBusContract('Kafka with the relay, on PostgreSQL', async () => {
  const kafka = kafkaClient(testKafkaBrokers());
  const topic = `test.backbone.${uuidv7()}`;
  await createTopic(kafka, topic);
  const service = await serviceWithRelay(kafka, topic);
  const relay = await service.startRelay();
  const dataSource = await postgresDataSource('readmodel');
  const producer = kafka.producer();
  await producer.connect();
  return {
    bus: newBus(kafka),
    state: new ConsumerStateStore(dataSource),
    dataSource,
    topic,
    append: async (streamId, events) => void (await service.store.appendToStream(streamId, events)),
    injectPoison: async () => {
      const recorded = fakeRecorded('case-poison', { poison: true });
      const poisoned = toKafkaMessage({ ...recorded, json: JSON.stringify(recorded) }, '/gongzhi/test');
      await producer.send({ topic, messages: [{ key: 'case-poison', value: '{not json' }, poisoned] });
    },
    deadLetterReasons: async (consumer) => {
      const messages = await readTopic(kafka, deadLetterTopic(topic), 2);
      return messages
        .filter((m) => String(m.headers?.['dlq-consumer']) === consumer)
        .map((m) => String(m.headers?.['dlq-reason']))
        .filter((reason) => reason.includes('data.poison'));
    },
    redeliver: async (consumer) => {
      const admin = kafka.admin();
      await admin.connect();
      await eventuallyReturns(
        () => admin.describeGroups([consumer]),
        (d) => d.groups[0].state === 'Empty',
      );
      await admin.resetOffsets({ groupId: consumer, topic, earliest: true });
      await admin.disconnect();
    },
    close: async () => {
      await producer.disconnect();
      await relay.stop();
      await service.close();
      await dataSource.destroy();
    },
  };
});

function fakeRecorded(streamId: string, data: unknown): RecordedEvent {
  const now = '2026-11-26T09:00:00.000Z';
  return {
    eventId: uuidv7(),
    type: 'CaseReported',
    schemaVersion: 1,
    streamId,
    streamVersion: 1,
    globalPosition: 1,
    occurredAt: now,
    recordedAt: now,
    correlationId: 'c',
    causationId: null,
    actor: null,
    data,
  };
}

const tallyOf = (dataSource: DataSource, consumer: string) =>
  dataSource.getRepository(StreamTally).find({ where: { consumer }, order: { streamId: 'ASC' } });

const highWatermarkTotal = async (kafka: Kafka, topic: string) => {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
};

/** Messages in a dead-letter topic; none when nobody ever dead-lettered (the topic was never made). */
const deadLettersIn = async (kafka: Kafka, topic: string) => {
  const admin = kafka.admin();
  await admin.connect();
  const exists = (await admin.listTopics()).includes(topic);
  await admin.disconnect();
  return exists ? highWatermarkTotal(kafka, topic) : 0;
};

describe('Kafka backbone faults', () => {
  const consumers: RunningConsumer[] = [];
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
  });

  it('a relay killed between publishing and saving its checkpoint republishes; the read model still counts each event once', async () => {
    const kafka = kafkaClient(testKafkaBrokers());
    const topic = `test.relay-crash.${uuidv7()}`;
    await createTopic(kafka, topic);
    const service = await serviceWithRelay(kafka, topic);
    const readModel = await postgresDataSource('readmodel');
    const consumer = `tally-${uuidv7()}`;
    consumers.push(await newBus(kafka).start(tallyProjector(consumer, [topic]), { state: new ConsumerStateStore(readModel) }));

    for (let n = 1; n <= 30; n++) await service.store.appendToStream(`case-${n % 3}`, [caseEvent(n)]);
    // This relay dies right after the broker acknowledged its first batch, before the checkpoint is saved.
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    const dying = Object.create(service.relayState) as ConsumerStateStore;
    dying.savePosition = async () => {
      died();
      throw new Error('killed before saving the checkpoint');
    };
    const doomed = await service.startRelay(dying);
    await death;
    await doomed.stop();
    expect(await service.relayState.position(`relay-${topic}`, 'log')).toBeNull();

    const relay = await service.startRelay();
    await eventuallyReturns(
      () => highWatermarkTotal(kafka, topic),
      (total) => total >= 60,
    );
    const rows = await eventuallyReturns(
      () => tallyOf(readModel, consumer),
      (r) => r.length === 3 && r.every((t) => t.count === 10),
    );
    // Every copy that reached the topic has been consumed and committed: a duplicate counted twice would show now.
    expect(
      await eventuallyReturns(
        () => uncommittedMessages(kafka, consumer, topic),
        (left) => left === 0,
      ),
    ).toBe(0);

    expect(await highWatermarkTotal(kafka, topic)).toBeGreaterThanOrEqual(60); // every event went out at least twice
    expect((await tallyOf(readModel, consumer)).map((t) => [t.count, t.lastVersion, t.outOfOrder])).toEqual([
      [10, 10, 0],
      [10, 10, 0],
      [10, 10, 0],
    ]);
    expect(rows).toHaveLength(3);
    await relay.stop();
    await service.close();
    await readModel.destroy();
  });

  it('a batch larger than the broker takes in one request goes out in several sends, each event once and in order', async () => {
    const kafka = kafkaClient(testKafkaBrokers());
    const topic = `test.big-batch.${uuidv7()}`;
    await createTopic(kafka, topic, 1); // one partition: the whole batch would be one record batch
    const service = await serviceWithRelay(kafka, topic);
    // 400 events of about 4 KB: 1.6 MB in the relay's first read, over the broker's 1 MiB message.max.bytes.
    const photoNotes = '楼道堆物，纸箱和旧家具挡住了消防通道。'.repeat(70);
    for (let s = 0; s < 40; s++) {
      await service.store.appendToStream(
        `case-${s}`,
        Array.from({ length: 10 }, (_, n) => caseEvent(n + 1, { photoNotes })),
      );
    }
    const relay = await service.startRelay();
    const messages = await readTopic(kafka, topic, 400);
    await relay.stop();

    const log = (await service.store.readAll()).map((e) => e.eventId);
    expect(messages.map((m) => String(m.headers?.['event-id']))).toEqual(log);
    expect(await service.relayState.position(`relay-${topic}`, 'log')).toBe(await service.store.headPosition());
    await service.close();
  });

  it('two consumers in one group share the partitions, and each stream stays in order', async () => {
    const kafka = kafkaClient(testKafkaBrokers());
    const topic = `test.group.${uuidv7()}`;
    await createTopic(kafka, topic, 3);
    const service = await serviceWithRelay(kafka, topic);
    const relay = await service.startRelay();
    const readModel = await postgresDataSource('readmodel');
    const group = `tally-${uuidv7()}`;
    const state = new ConsumerStateStore(readModel);
    consumers.push(await newBus(kafka).start(tallyProjector(group, [topic], 'a'), { state }));
    consumers.push(await newBus(kafka).start(tallyProjector(group, [topic], 'b'), { state }));
    const admin = kafka.admin();
    await admin.connect();
    const described = await eventuallyReturns(
      () => admin.describeGroups([group]),
      (d) => d.groups[0].state === 'Stable' && d.groups[0].members.length === 2,
    );
    await admin.disconnect();
    expect(described.groups[0].members).toHaveLength(2);

    const streams = Array.from({ length: 12 }, (_, i) => `case-${i}`);
    for (let round = 1; round <= 10; round++) {
      await Promise.all(streams.map((s) => service.store.appendToStream(s, [caseEvent(round)])));
    }
    const rows = await eventuallyReturns(
      () => tallyOf(readModel, group),
      (r) => r.length === 12 && r.every((t) => t.count === 10),
    );
    expect(rows.every((t) => t.count === 10 && t.lastVersion === 10 && t.outOfOrder === 0)).toBe(true);
    expect(new Set(rows.map((t) => t.handledBy))).toEqual(new Set(['a', 'b']));
    await relay.stop();
    await service.close();
    await readModel.destroy();
  });

  describe('when the broker restarts mid-stream', () => {
    let broker: RunningKafka;
    beforeAll(async () => {
      broker = await startKafka();
    });
    afterAll(async () => {
      await broker.stop();
    });

    it('loses nothing and counts nothing twice', async () => {
      const kafka = kafkaClient(broker.brokers);
      const topic = `test.restart.${uuidv7()}`;
      await createTopic(kafka, topic);
      const service = await serviceWithRelay(kafka, topic);
      const relay = await service.startRelay();
      const readModel = await postgresDataSource('readmodel');
      const consumer = `tally-${uuidv7()}`;
      consumers.push(await newBus(kafka).start(tallyProjector(consumer, [topic]), { state: new ConsumerStateStore(readModel) }));

      const appendRound = (round: number) =>
        Promise.all([0, 1, 2, 3].map((s) => service.store.appendToStream(`case-${s}`, [caseEvent(round)])));
      for (let round = 1; round <= 20; round++) await appendRound(round);
      await eventuallyReturns(
        () => tallyOf(readModel, consumer),
        (r) => r.length === 4 && r.every((t) => t.count >= 5),
      );
      const restarting = broker.restart();
      for (let round = 21; round <= 40; round++) await appendRound(round); // appends go on while the broker is away
      await restarting;
      for (let round = 41; round <= 50; round++) await appendRound(round);

      const rows = await eventuallyReturns(
        () => tallyOf(readModel, consumer),
        (r) => r.length === 4 && r.every((t) => t.count === 50),
        90_000,
      );
      expect(rows.map((t) => [t.count, t.lastVersion, t.outOfOrder])).toEqual(Array(4).fill([50, 50, 0]));
      await relay.stop();
      await service.close();
      await readModel.destroy();
    });
  });
  describe('when the database restarts mid-stream', () => {
    let postgres: RunningPostgres;
    beforeAll(async () => {
      postgres = await startPostgresProcess();
    });
    afterAll(async () => {
      await postgres.stop();
    });

    it('the relay and the projector wait for it: nothing is dead-lettered, lost or counted twice', async () => {
      const kafka = kafkaClient(testKafkaBrokers());
      const topic = `test.pg-restart.${uuidv7()}`;
      await createTopic(kafka, topic);
      // The service's store and the relay's checkpoint, and the projector's read model, all on the server that restarts.
      const storeUrl = await createDatabase(postgres.url(), 'service');
      const store = await PostgresEventStore.connect({ connectionString: storeUrl });
      const serviceDb = await platformDataSource({
        type: 'postgres',
        url: storeUrl,
        entities: MESSAGING_ENTITIES,
        synchronize: true,
      }).initialize();
      const relay = new KafkaRelay({ name: 'relay', store, kafka, topic, state: new ConsumerStateStore(serviceDb), idleDelayMs: 5 });
      await relay.start();
      const readModel = await platformDataSource({
        type: 'postgres',
        url: await createDatabase(postgres.url(), 'readmodel'),
        entities: [...MESSAGING_ENTITIES, StreamTally],
        synchronize: true,
      }).initialize();
      const consumer = `tally-${uuidv7()}`;
      // Quick retries: without the wait for the database, five failed attempts would dead-letter in 0.3 s.
      consumers.push(
        await newBus(kafka).start(tallyProjector(consumer, [topic]), { state: new ConsumerStateStore(readModel), retryDelayMs: 20 }),
      );

      try {
        const appendRound = (round: number) => Promise.all([0, 1, 2, 3].map((s) => store.appendToStream(`case-${s}`, [caseEvent(round)])));
        for (let round = 1; round <= 10; round++) await appendRound(round);
        await eventuallyReturns(
          () => tallyOf(readModel, consumer),
          (r) => r.length === 4 && r.every((t) => t.count === 10),
        );

        const producer = kafka.producer();
        await producer.connect();
        await postgres.restart(async () => {
          // Another service's events reach the projector while its database is down.
          const outage = Array.from({ length: 10 }, (_, i) => ({ ...fakeRecorded('case-outage', { n: i + 1 }), streamVersion: i + 1 }));
          await producer.send({ topic, messages: outage.map((e) => toKafkaMessage({ ...e, json: JSON.stringify(e) }, '/gongzhi/test')) });
          await new Promise((resolve) => setTimeout(resolve, 3_000));
        });
        await producer.disconnect();
        for (let round = 11; round <= 20; round++) await appendRound(round);

        const rows = await eventuallyReturns(
          () => tallyOf(readModel, consumer),
          (r) => r.length === 5 && r.every((t) => t.count === (t.streamId === 'case-outage' ? 10 : 20)),
          60_000,
        );
        expect(rows.map((t) => [t.streamId, t.count, t.outOfOrder])).toEqual([
          ['case-0', 20, 0],
          ['case-1', 20, 0],
          ['case-2', 20, 0],
          ['case-3', 20, 0],
          ['case-outage', 10, 0],
        ]);
        expect(await deadLettersIn(kafka, deadLetterTopic(topic))).toBe(0);
      } finally {
        await relay.stop();
        await store.close();
        await serviceDb.destroy();
        await readModel.destroy();
      }
    });
  });
});
