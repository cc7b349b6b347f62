import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '../test-environment';

describe('the Kafka broker of the test harness', () => {
  it('takes a keyed message from a producer and hands it, with its headers, to a consumer group', async () => {
    const kafka = new Kafka({ clientId: 'smoke', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const topic = `smoke-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: 'case-1', value: JSON.stringify({ type: 'CaseReported' }), headers: { 'event-id': 'e-1' } }],
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{ key: string; value: string; eventId: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) =>
          resolve({ key: String(message.key), value: String(message.value), eventId: String(message.headers?.['event-id']) }),
      });
    });
    await consumer.disconnect();
    expect(received).toEqual({ key: 'case-1', value: '{"type":"CaseReported"}', eventId: 'e-1' });
  });
});
