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

/** The message of one event: key = stream id (order per aggregate), value = the whole envelope as JSON. */
export function toKafkaMessage(event: SerialisedEvent): Message {
  const headers: IHeaders = {
    [HEADERS.eventId]: event.eventId,
    [HEADERS.eventType]: event.type,
    [HEADERS.schemaVersion]: String(event.schemaVersion),
    [HEADERS.streamId]: event.streamId,
    [HEADERS.correlationId]: event.correlationId,
    [HEADERS.contentType]: 'application/json',
  };
  if (event.causationId) headers[HEADERS.causationId] = event.causationId;
  return { key: event.streamId, value: event.json, headers };
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
