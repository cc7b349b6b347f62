import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { cloudEventSource, ConsumerStateStore, KafkaEventBus, KafkaRelay, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { freshTestDatabase } from '../test-environment';
import { StreamTally } from './tally-projector';
import { platformDataSource } from '@gongzhi/persistence';

export function kafkaClient(brokers: string[]): Kafka {
  return new Kafka({ clientId: `test-${uuidv7()}`, brokers, logLevel: logLevel.NOTHING, retry: { retries: 30, maxRetryTime: 2_000 } });
}

export async function postgresDataSource(prefix: string, entities: Array<new () => object> = []): Promise<DataSource> {
  const dataSource = platformDataSource({
    type: 'postgres',
    url: await freshTestDatabase(prefix),
    entities: [...MESSAGING_ENTITIES, StreamTally, ...entities],
    synchronize: true,
  });
  return dataSource.initialize();
}

export async function createTopic(kafka: Kafka, topic: string, partitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  await admin.disconnect();
}

/** Everything in a topic from its start, once at least `min` messages are there (or the time is up). */
export async function readTopic(kafka: Kafka, topic: string, min: number, timeoutMs = 20_000): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${uuidv7()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  const deadline = Date.now() + timeoutMs;
  while (messages.length < min && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await consumer.disconnect();
  return messages;
}

/**
 * How many messages of `topic` the consumer group has yet to commit (every message when it never
 * committed). A group commits only after its effects are stored, so 0 means everything that reached the
 * topic so far has had its effect: the position to wait on before asserting that nothing more happens.
 */
export async function uncommittedMessages(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    const committedOf = new Map(committed.flatMap((t) => t.partitions).map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((sum, { partition, low, high }) => {
      const offset = committedOf.get(partition) ?? -1;
      return sum + Number(high) - (offset < 0 ? Number(low) : offset);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

/** A service's side of the backbone: its PostgreSQL store and the relay that publishes it. */
export async function serviceWithRelay(kafka: Kafka, topic: string) {
  const storeUrl = await freshTestDatabase('service');
  const store = await PostgresEventStore.connect({ connectionString: storeUrl });
  const serviceDb = await platformDataSource({
    type: 'postgres',
    url: storeUrl,
    entities: MESSAGING_ENTITIES,
    synchronize: true,
  }).initialize();
  const relayState = new ConsumerStateStore(serviceDb);
  const startRelay = async (state: ConsumerStateStore = relayState) => {
    const relay = new KafkaRelay({ name: `relay-${topic}`, store, kafka, topic, source: cloudEventSource('test'), state, idleDelayMs: 5 });
    await relay.start();
    return relay;
  };
  return {
    store,
    relayState,
    startRelay,
    async close() {
      await store.close();
      await serviceDb.destroy();
    },
  };
}

export function newBus(kafka: Kafka): KafkaEventBus {
  return new KafkaEventBus({ kafka, sessionTimeoutMs: 10_000 });
}
