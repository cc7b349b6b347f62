import { z } from 'zod';

/**
 * The envelope every public event travels in: the fields of DESIGN.md's event envelope that a consumer
 * outside the producing service relies on. A `RecordedEvent` of `@gongzhi/eventsourcing` is one (this lib
 * may not import it, so the shape is restated; the store-side fields are optional here).
 */
export interface EventEnvelope<Type extends string = string, Data = unknown> {
  /** UUID v7; consumers deduplicate on it (delivery is at least once). */
  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  /** The aggregate's stream, also the Kafka message key. */
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  readonly occurredAt: string;
  readonly globalPosition?: number;
  readonly recordedAt?: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly actor?: EnvelopeActor | null;
  readonly data: Data;
}

export interface EnvelopeActor {
  readonly id: string;
  readonly kind: 'user' | 'system' | 'service';
  readonly roles?: readonly string[];
}

/** An event whose `data` matched its contract, upcast to the latest schema version of its type. */
export interface PublicEventEnvelope<Type extends string, Version extends number, Data> extends EventEnvelope<Type, Data> {
  readonly schemaVersion: Version;
}

const nonEmpty = z.string().min(1);

export const isoTimestamp = z.iso.datetime({ offset: true });

const actorSchema = z.looseObject({
  id: nonEmpty,
  kind: z.enum(['user', 'system', 'service']),
  roles: z.array(z.string()).optional(),
});

/**
 * The envelope as a schema. Loose: fields a newer producer adds pass through untouched.
 * `data` is checked here only for being an object; its contract checks the rest.
 */
export const eventEnvelopeSchema = z.looseObject({
  eventId: nonEmpty.describe('UUID v7. Delivery is at least once: deduplicate on it.'),
  type: nonEmpty.describe('The event type, e.g. CaseReported.'),
  schemaVersion: z.number().int().positive().describe('Version of the schema of `data` for this type.'),
  streamId: nonEmpty.describe('The aggregate stream (case-<id>, whistle-<id>, topic-<id>, points-<residentId> …); also the Kafka key.'),
  streamVersion: z.number().int().positive().describe('Position of the event in its stream; 1 for the first.'),
  occurredAt: isoTimestamp,
  globalPosition: z.number().int().nonnegative().optional().describe("Position in the producer's event store; a producer-side detail."),
  recordedAt: isoTimestamp.optional(),
  correlationId: nonEmpty.optional().describe('Shared by every message caused by one original request.'),
  causationId: nonEmpty.nullable().optional().describe('The event or command that caused this one.'),
  actor: actorSchema.nullable().optional(),
  data: z.looseObject({}),
});
