import { approximateSize, chunksBySize, toKafkaMessage } from './wire-format';

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
    recordedAt: '2026-11-26T08:00:00.000Z',
    json: JSON.stringify(envelope),
  };
};

describe('sizing sends for the broker', () => {
  it('counts UTF-8 bytes of key, value and headers, so Chinese text weighs what it weighs on the wire', () => {
    const ascii = toKafkaMessage(event(1, 'x'.repeat(300)));
    const chinese = toKafkaMessage(event(1, '楼'.repeat(300))); // three bytes each in UTF-8
    expect(approximateSize(chinese) - approximateSize(ascii)).toBe(600);
    expect(approximateSize(ascii)).toBeGreaterThan(Buffer.byteLength(String(ascii.value)) + Buffer.byteLength(String(ascii.key)));
  });

  it('cuts a batch into chunks under the limit, keeping every message once and in order', () => {
    const messages = Array.from({ length: 50 }, (_, n) => toKafkaMessage(event(n, '堆物'.repeat(n * 10))));
    const chunks = chunksBySize(messages, 4_000, approximateSize);
    expect(chunks.flat()).toEqual(messages);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      const bytes = chunk.reduce((sum, m) => sum + approximateSize(m), 0);
      expect(chunk.length === 1 || bytes <= 4_000).toBe(true);
    }
  });

  it('sends a message bigger than the limit alone, and an empty batch as no chunk at all', () => {
    const small = toKafkaMessage(event(1, 'a'));
    const huge = toKafkaMessage(event(2, '楼'.repeat(5_000)));
    expect(chunksBySize([small, huge, small], 4_000, approximateSize)).toEqual([[small], [huge], [small]]);
    expect(chunksBySize([], 4_000, approximateSize)).toEqual([]);
  });
});
