import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '@gongzhi/testing';
import { ensureTopicsKeepHistory } from './public-topics';

/** A public topic's history is what a rebuilt projector replays; the broker must not age it out. */
describe('public topics keep their history (retention.ms=-1)', () => {
  const kafka = new Kafka({ clientId: 'public-topics-spec', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  const retentionOf = async (topic: string) => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] }],
    });
    return resources[0].configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue;
  };

  it('creates a missing topic that keeps every message', async () => {
    const topic = `gongzhi.spec-${randomUUID()}.v1`;

    await ensureTopicsKeepHistory(kafka, [topic]);

    expect(await retentionOf(topic)).toBe('-1');
  });

  it('lifts the broker default of a topic someone else created first, and leaves a second start nothing to do', async () => {
    const topic = `gongzhi.spec-${randomUUID()}.v1`;
    await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    expect(await retentionOf(topic)).toBe('604800000'); // the broker's seven days

    await ensureTopicsKeepHistory(kafka, [topic]);
    await ensureTopicsKeepHistory(kafka, [topic]);

    expect(await retentionOf(topic)).toBe('-1');
  });
});
