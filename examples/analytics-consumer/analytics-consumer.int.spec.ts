import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { toKafkaMessage } from '@gongzhi/messaging';
import { createTopic, eventuallyReturns, kafkaClient, serviceWithRelay, testKafkaBrokers } from '@gongzhi/testing';

/**
 * The Python consumer of examples/analytics-consumer reads a topic the real relay published to the real
 * broker, knowing nothing of Gongzhi but the AsyncAPI document: each record is a CloudEvent, validated
 * against the document's schemas, and a record that breaks its contract is named as such.
 */
const run = promisify(execFile);
const workspace = resolve(__dirname, '../..');

const place = { gridId: 'grid-hexie-1', communityId: 'community-hexie', streetId: 'street-nanjingdong' };
const reported = (caseId: string, description: string) => ({
  caseId,
  categoryCode: 'city.road.pothole',
  description,
  location: { lat: 31.2385, long: 121.4778 },
  address: '南京东路 100 号',
  ...place,
  reporterId: 'resident-wang',
  anonymous: false,
  photoIds: [],
  reportedVia: 'resident',
});

interface ConsumerLine {
  readonly id?: string;
  readonly type?: string;
  readonly subject?: string;
  readonly source?: string;
  readonly time?: string;
  readonly valid?: boolean;
  readonly problems?: string[];
  readonly summary?: { records: number; valid: number; invalid: number; duplicates: number; types: Record<string, number> };
}

describe('an analytics consumer in Python, reading the AsyncAPI document and CloudEvents headers', () => {
  it('reads every record the relay published, validates each against its schema, and names the one that breaks its contract', async () => {
    const kafka = kafkaClient(testKafkaBrokers());
    const topic = `test.analytics.${uuidv7()}`;
    await createTopic(kafka, topic);
    const service = await serviceWithRelay(kafka, topic);
    const occurredAt = '2026-11-26T01:30:00.000Z';
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    await service.store.appendToStream('case-1', [{ eventId: ids[0], type: 'CaseReported', schemaVersion: 2, occurredAt, data: reported('case-1', '人行道上有个大坑') }]);
    await service.store.appendToStream('case-2', [{ eventId: ids[1], type: 'CaseReported', schemaVersion: 2, occurredAt, data: reported('case-2', '路灯不亮') }]);
    // A superseded version stays in the history and is still a valid record of its own version.
    await service.store.appendToStream('case-3', [
      {
        eventId: ids[2],
        type: 'CaseReported',
        schemaVersion: 1,
        occurredAt,
        data: { caseId: 'case-3', categoryCode: 'city.road.pothole', description: '井盖缺失', lat: 31.24, long: 121.48, ...place, reporterId: null, anonymous: true, reportedVia: 'resident' },
      },
    ]);
    const relay = await service.startRelay();
    const admin = kafka.admin();
    await admin.connect();
    const published = await eventuallyReturns(
      async () => (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0),
      (total) => total >= 3,
    );
    await admin.disconnect();
    expect(published).toBe(3);
    // A producer that ignores the contract: CaseReported v2 without its caseId.
    const { caseId: _missing, ...broken } = reported('case-4', '占道经营');
    const brokenEvent = { eventId: uuidv7(), type: 'CaseReported', schemaVersion: 2, streamId: 'case-4', streamVersion: 1, globalPosition: 99, occurredAt, recordedAt: occurredAt, correlationId: 'c', causationId: null, actor: null, data: broken };
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [toKafkaMessage({ ...brokenEvent, json: JSON.stringify(brokenEvent) }, '/gongzhi/rogue')] });
    await producer.disconnect();

    const { stdout } = await run(
      resolve(workspace, 'examples/analytics-consumer/run.sh'),
      ['--brokers', testKafkaBrokers().join(','), '--topic', topic, '--asyncapi', resolve(workspace, 'libs/contracts/asyncapi.yaml'), '--max-records', '4', '--idle-seconds', '20'],
      { timeout: 300_000 },
    );
    await relay.stop();
    await service.close();

    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as ConsumerLine);
    const records = lines.filter((line) => !line.summary);
    expect(lines.at(-1)?.summary).toEqual({
      records: 4,
      valid: 3,
      invalid: 1,
      duplicates: 0,
      types: { 'gongzhi.CaseReported.v2': 3, 'gongzhi.CaseReported.v1': 1 },
    });
    expect(records.filter((r) => r.valid).map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(records.find((r) => r.id === ids[0])).toMatchObject({ subject: 'case-1', source: '/gongzhi/test', time: occurredAt, problems: [] });
    const rogue = records.find((r) => !r.valid)!;
    expect(rogue).toMatchObject({ id: brokenEvent.eventId, subject: 'case-4' });
    expect(rogue.problems).toEqual([expect.stringMatching(/data: 'caseId' is a required property/)]);
  }, 600_000);
});
