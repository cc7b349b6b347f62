/**
 * kafkajs 2.2.4 is patched at install (patches/kafkajs+2.2.4.patch, applied by patch-package from the root
 * postinstall) so that encoding a produce request costs less, the relay's CPU going mostly there: the records of
 * a partition are written in one pass straight into their record batch (no encoder per record or per header,
 * short ASCII strings copied without a call into C++), the batch's CRC32C is computed eight bytes at a step,
 * encoders take their buffers from Node's pool instead of zero-filling a fresh 512-byte one, varints are
 * written in place, and messages are grouped per partition in linear time.
 *
 * The bytes on the wire must not change. `kafkajs-produce-v3.golden.json` holds what the unpatched
 * kafkajs 2.2.4 encoded for the samples below (written with GONGZHI_WRITE_GOLDEN=1 against the unpatched
 * package); this spec encodes the same samples with the installed kafkajs and compares every byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs keeps its protocol encoders internal. */
const Encoder = require('kafkajs/src/protocol/encoder');
const Long = require('kafkajs/src/utils/long');
const produceRequest = require('kafkajs/src/protocol/requests/produce');
const groupMessagesPerPartition = require('kafkajs/src/producer/groupMessagesPerPartition');
const createDefaultPartitioner = require('kafkajs/src/producer/partitioners/default');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0');
/* eslint-enable @typescript-eslint/no-require-imports */

const GOLDEN = join(__dirname, '../test-data/kafkajs-produce-v3.golden.json');

type Message = {
  key?: string | Buffer | null;
  partition?: number;
  value: string | Buffer | null;
  timestamp?: string;
  headers?: Record<string, string | Buffer | string[]>;
};

function sampleMessages(): Message[] {
  const envelope = (i: number) =>
    JSON.stringify({
      eventId: `0193a0c2-7d4e-7000-8000-${String(i).padStart(12, '0')}`,
      type: 'CaseReported',
      streamId: `case-${i}`,
      data: { description: '路面坑洼，电动车容易摔倒，请尽快处理', lat: 31.2304 + i / 1e4, long: 121.4737 },
    });
  const messages: Message[] = Array.from({ length: 40 }, (_, i) => ({
    key: `case-${i % 7}`,
    value: envelope(i),
    timestamp: String(1764160000000 + i * 37),
    headers: {
      'event-id': `0193a0c2-7d4e-7000-8000-${String(i).padStart(12, '0')}`,
      'event-type': 'CaseReported',
      'schema-version': '2',
      'correlation-id': `corr-${i}`,
      'content-type': 'application/json',
    },
  }));
  // The edges: no key (a chosen partition; unkeyed ones go round-robin), a Buffer value, a value larger than an encoder's first buffer, no headers, a header
  // given as several values, an empty string, a null value (a tombstone).
  messages.push({ key: null, partition: 1, value: Buffer.from([0, 1, 2, 255]), timestamp: '1764160009999' });
  messages.push({ key: 'case-big', value: '报'.repeat(3000), timestamp: '1764160010000', headers: { many: ['a', 'b', ''] } });
  messages.push({ key: Buffer.from('case-buffer-key'), value: '', timestamp: '1764160010001', headers: { empty: '' } });
  messages.push({ key: 'case-tombstone', value: null, timestamp: '1764160010002' });
  // A record as the relay sends it: Gongzhi's headers and the CloudEvents ones, a header value in Chinese.
  messages.push({
    key: 'case-relay',
    value: envelope(99),
    timestamp: '1764160010003',
    headers: {
      'event-id': '0193a0c2-7d4e-7000-8000-000000000099',
      'event-type': 'CaseReported',
      'schema-version': '1',
      'stream-id': 'case-relay',
      'correlation-id': '0193a0c2-7d4e-7000-8000-0000000000aa',
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_id: '0193a0c2-7d4e-7000-8000-000000000099',
      ce_source: '/gongzhi/grid-events',
      ce_type: 'gongzhi.CaseReported.v1',
      ce_time: '2026-11-26T08:00:00.000Z',
      ce_subject: 'case-relay',
      'causation-id': '事件-98',
    },
  });
  // A partition whose timestamps lie further apart than 2^30 ms: its records take kafkajs's own (varlong) path.
  messages.push({ key: 'case-far-1', partition: 3, value: 'a', timestamp: '1764160010004', headers: { h: 'x' } });
  messages.push({ key: 'case-far-2', partition: 3, value: 'b', timestamp: '1864160010004', headers: { h: 'y' } });
  return messages;
}

async function encodeSamples(): Promise<Record<string, string>> {
  const partitioner = createDefaultPartitioner();
  const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1] }));
  const messages = sampleMessages();
  const grouped = groupMessagesPerPartition({ topic: 'gongzhi.grid-events.v1', partitionMetadata, messages, partitioner });
  const partitions = Object.keys(grouped).map((partition) => ({
    partition: Number(partition),
    firstSequence: 1000 + Number(partition),
    messages: grouped[partition],
  }));
  const { request } = produceRequest.protocol({ version: 3 })({
    acks: -1,
    timeout: 30_000,
    topicData: [{ topic: 'gongzhi.grid-events.v1', partitions }],
    producerId: Long.fromNumber(4242),
    producerEpoch: 3,
  });
  const produce: { buffer: Buffer } = await request.encode();

  const varints = new Encoder();
  for (const value of [0, 1, -1, 63, -64, 64, 300, -300, 2 ** 31 - 1, -(2 ** 31)]) varints.writeVarInt(value);
  for (const value of [0, 1, 127, 128, 16_383, 16_384, 2 ** 32 - 1]) varints.writeUVarInt(value);
  for (const value of [0, -1, 1, 1764160000000, -1764160000000, '9223372036854775807', '-9223372036854775808']) {
    varints.writeVarLong(Long.fromValue(value));
  }
  // A write that outgrows the first buffer several times over, then small writes after it.
  const growing = new Encoder().writeInt8(7).writeVarIntString('长'.repeat(700)).writeInt32(-5).writeVarIntBytes(Buffer.alloc(2000, 9));

  return {
    partitions: JSON.stringify(partitions.map((p) => [p.partition, p.messages.map((m: Message) => String(m.key))])),
    produce: produce.buffer.toString('hex'),
    varints: varints.buffer.toString('hex'),
    growing: growing.buffer.toString('hex'),
  };
}

describe('kafkajs produce encoding (patched for fewer allocations)', () => {
  it('puts the same bytes on the wire as the unpatched kafkajs 2.2.4', async () => {
    const encoded = await encodeSamples();
    if (process.env.GONGZHI_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(encoded, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(encoded.partitions).toEqual(golden.partitions);
    expect(encoded.varints).toEqual(golden.varints);
    expect(encoded.growing).toEqual(golden.growing);
    expect(encoded.produce.length).toBe(golden.produce.length);
    expect(encoded.produce).toEqual(golden.produce);
  });

  it('is the patched kafkajs: encoders draw their buffers from the pool, records go straight into their batch (else run `npm ci` again)', () => {
    const encoder = new Encoder();
    // Buffer.allocUnsafe hands out slices of one shared pool; Buffer.alloc gives each encoder its own memory.
    expect(encoder.buf.buffer.byteLength).toBe(Buffer.poolSize);
    // And a partition's records go straight into their batch.
    expect(typeof Record.encodeUsualRecords).toBe('function');
  });
});
