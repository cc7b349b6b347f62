import type { IHeaders, Message } from 'kafkajs';
import type { SerialisedEvent } from '@gongzhi/eventsourcing';

/** Kafka headers every published event carries, so brokers' tools and consumers can route without parsing. */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  streamId: 'stream-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  contentType: 'content-type',
} as const;

/**
 * CloudEvents 1.0 attributes in the Kafka protocol binding's binary mode (`ce_` headers, `content-type` as
 * the data content type), so any CloudEvents SDK reads a record without knowing Gongzhi. The event's data
 * in CloudEvents terms is the whole Gongzhi envelope (the record's value), described by the AsyncAPI document.
 */
export const CLOUD_EVENT_HEADERS = {
  id: 'ce_id',
  source: 'ce_source',
  specVersion: 'ce_specversion',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
} as const;

/** The CloudEvents `type` of a Gongzhi event: reverse-DNS style, with the schema version. */
export const cloudEventType = (type: string, schemaVersion: number) => `gongzhi.${type}.v${schemaVersion}`;

/** The CloudEvents `source` of a service's events. */
export const cloudEventSource = (service: string) => `/gongzhi/${service}`;

/**
 * The message of one event: key = stream id (order per aggregate), value = the whole envelope as JSON,
 * Gongzhi's own headers and the CloudEvents ones (`source` names the publishing service).
 */
export function toKafkaMessage(event: SerialisedEvent, source: string): Message {
  const headers: IHeaders = {
    [HEADERS.eventId]: event.eventId,
    [HEADERS.eventType]: event.type,
    [HEADERS.schemaVersion]: String(event.schemaVersion),
    [HEADERS.streamId]: event.streamId,
    [HEADERS.correlationId]: event.correlationId,
    [HEADERS.contentType]: 'application/json',
    [CLOUD_EVENT_HEADERS.specVersion]: '1.0',
    [CLOUD_EVENT_HEADERS.id]: event.eventId,
    [CLOUD_EVENT_HEADERS.source]: source,
    [CLOUD_EVENT_HEADERS.type]: cloudEventType(event.type, event.schemaVersion),
    [CLOUD_EVENT_HEADERS.time]: event.occurredAt,
    [CLOUD_EVENT_HEADERS.subject]: event.streamId,
  };
  if (event.causationId) headers[HEADERS.causationId] = event.causationId;
  return { key: event.streamId, value: event.json, headers };
}

/**
 * Kafka refuses a record batch over the broker's `message.max.bytes` (1 MiB by default) with
 * MESSAGE_TOO_LARGE, and a produce request carries one batch per partition. Sends made of chunks no larger
 * than this (all partitions together) stay under that limit on any topic, one partition or many.
 */
export const DEFAULT_MAX_SEND_BYTES = 900_000;

/** What a message adds to a record batch, near enough: key, value, headers, and each record's own framing. */
export function approximateSize(message: Message): number {
  let size = 24 + byteLength(message.key) + byteLength(message.value);
  const headers = message.headers ?? {};
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) for (const one of value) size += 4 + name.length + byteLength(one);
    else size += 4 + name.length + byteLength(value);
  }
  return size;
}

/**
 * The items in order, cut into consecutive chunks in which no partition's items add up to more than `maxBytes`
 * (a produce request carries one record batch per partition, and the broker's limit is per batch). Items of
 * an unknown partition (undefined) count as one partition together. An item larger than `maxBytes` on its own
 * makes a chunk of one, so that the broker's refusal names it alone.
 */
export function chunksByPartitionSize<T>(
  items: readonly T[],
  maxBytes: number,
  sizeOf: (item: T) => number,
  partitionOf: (item: T) => number | undefined,
): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = new Map<number | undefined, number>();
  for (const item of items) {
    const size = sizeOf(item);
    const partition = partitionOf(item);
    const partitionBytes = bytes.get(partition) ?? 0;
    if (chunk.length > 0 && (size > maxBytes || partitionBytes + size > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = new Map();
    }
    if (size > maxBytes) {
      chunks.push([item]);
      continue;
    }
    chunk.push(item);
    bytes.set(partition, (bytes.get(partition) ?? 0) + size);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function byteLength(value: string | Buffer | null | undefined): number {
  if (value == null) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

/** Headers as strings (kafkajs hands them over as Buffers). */
export function headersAsStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return result;
}
