import { approximateSize, chunksByPartitionSize, cloudEventSource, toKafkaMessage } from './wire-format';

const SOURCE = cloudEventSource('grid-events');

const event = (n: number, description: string) => {
  const envelope = { eventId: `e-${n}`, type: 'CaseReported', schemaVersion: 1, streamId: `case-${n}`, data: { description } };
  return {
    eventId: envelope.eventId,
    type: envelope.type,
    schemaVersion: 1,
    streamId: envelope.streamId,
    globalPosition: n,
    correlationId: `c-${n}`,
    causationId: null,
    occurredAt: '2026-11-26T08:00:00.000Z',
    recordedAt: '2026-11-26T08:00:00.000Z',
    json: JSON.stringify(envelope),
  };
};

describe('sizing sends for the broker', () => {
  it('counts UTF-8 bytes of key, value and headers, so Chinese text weighs what it weighs on the wire', () => {
    const ascii = toKafkaMessage(event(1, 'x'.repeat(300)), SOURCE);
    const chinese = toKafkaMessage(event(1, '楼'.repeat(300)), SOURCE); // three bytes each in UTF-8
    expect(approximateSize(chinese) - approximateSize(ascii)).toBe(600);
    expect(approximateSize(ascii)).toBeGreaterThan(Buffer.byteLength(String(ascii.value)) + Buffer.byteLength(String(ascii.key)));
  });

  it('cuts a batch into chunks in which no partition carries more than the limit, keeping every message once and in order', () => {
    const messages = Array.from({ length: 60 }, (_, n) => toKafkaMessage(event(n, '堆物'.repeat(n * 10)), SOURCE));
    const partitionOf = (message: (typeof messages)[number]) => Number(String(message.key).slice('case-'.length)) % 3;
    const chunks = chunksByPartitionSize(messages, 4_000, approximateSize, partitionOf);
    expect(chunks.flat()).toEqual(messages);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      for (const partition of [0, 1, 2]) {
        const bytes = chunk.filter((m) => partitionOf(m) === partition).reduce((sum, m) => sum + approximateSize(m), 0);
        expect(chunk.length === 1 || bytes <= 4_000).toBe(true);
      }
    }
    // Three partitions fill a send three times as far as one would.
    const total = (chunk: typeof messages) => chunk.reduce((sum, m) => sum + approximateSize(m), 0);
    expect(Math.max(...chunks.map(total))).toBeGreaterThan(8_000);
    expect(chunksByPartitionSize(messages, 4_000, approximateSize, () => undefined).every((c) => c.length === 1 || total(c) <= 4_000)).toBe(
      true,
    );
  });

  it('sends a message bigger than the limit alone, and an empty batch as no chunk at all', () => {
    const small = toKafkaMessage(event(1, 'a'), SOURCE);
    const other = toKafkaMessage(event(3, 'b'), SOURCE);
    const huge = toKafkaMessage(event(2, '楼'.repeat(5_000)), SOURCE);
    const partitionOf = (message: typeof small) => (message === other ? 1 : 0);
    expect(chunksByPartitionSize([small, huge, other, small], 4_000, approximateSize, partitionOf)).toEqual([
      [small],
      [huge],
      [other, small],
    ]);
    expect(chunksByPartitionSize([], 4_000, approximateSize, partitionOf)).toEqual([]);
  });
});

describe('the record of one event', () => {
  it('carries the CloudEvents attributes in binary mode beside Gongzhi’s own headers', () => {
    const message = toKafkaMessage(
      { ...event(7, '井盖缺失'), schemaVersion: 2, causationId: 'e-6', occurredAt: '2026-11-26T07:59:58.123Z' },
      SOURCE,
    );

    expect(message.key).toBe('case-7');
    expect(message.headers).toEqual({
      'event-id': 'e-7',
      'event-type': 'CaseReported',
      'schema-version': '2',
      'stream-id': 'case-7',
      'correlation-id': 'c-7',
      'causation-id': 'e-6',
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_id: 'e-7',
      ce_source: '/gongzhi/grid-events',
      ce_type: 'gongzhi.CaseReported.v2',
      ce_time: '2026-11-26T07:59:58.123Z',
      ce_subject: 'case-7',
    });
    expect(JSON.parse(String(message.value))).toMatchObject({ eventId: 'e-7', data: { description: '井盖缺失' } });
  });
});
