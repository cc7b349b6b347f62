import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@gongzhi/eventsourcing';
import { createTopic, eventuallyPasses, kafkaClient, postgresDataSource, testKafkaBrokers } from '@gongzhi/testing';
import type { ConsumerProgress } from './consumer-definition';
import { ConsumerStateStore } from './consumer-state-store';
import { acceptAll } from './event-parser';
import { KafkaEventBus } from './kafka-event-bus';

/** "Caught up, lag 0" must not be what a stalled projector says: its lag is the distance to the head of the log. */
describe('a Kafka consumer’s lag', () => {
  it('rises while the consumer is stalled and no batch completes, and falls back to 0 once it moves again', async () => {
    const kafka = kafkaClient(testKafkaBrokers());
    const topic = `lag-${randomUUID()}`;
    await createTopic(kafka, topic, 1);
    const dataSource = await postgresDataSource('lag');
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const latest = new Map<string, ConsumerProgress>();
    const consumer = await new KafkaEventBus({ kafka, lagProbeIntervalMs: 200 }).start<RecordedEvent>(
      { name: `lag-${randomUUID()}`, topics: [topic], parser: acceptAll, handle: () => stalled },
      { state: new ConsumerStateStore(dataSource), onProgress: (progress) => latest.set(progress.source, progress) },
    );
    const producer = kafka.producer();
    await producer.connect();
    try {
      const envelope = (n: number) => ({
        eventId: randomUUID(),
        type: 'Tick',
        schemaVersion: 1,
        streamId: 's-1',
        streamVersion: n,
        globalPosition: n,
        data: {},
      });
      await producer.send({ topic, messages: [1, 2, 3].map((n) => ({ key: 's-1', value: JSON.stringify(envelope(n)) })) });

      await eventuallyPasses(async () => expect(latest.get(`${topic}:0`)?.lagEvents).toBe(3), 20_000);

      release();
      await eventuallyPasses(async () => expect(latest.get(`${topic}:0`)?.lagEvents).toBe(0), 20_000);
    } finally {
      release();
      await producer.disconnect();
      await consumer.stop();
      await dataSource.destroy();
    }
  });
});
