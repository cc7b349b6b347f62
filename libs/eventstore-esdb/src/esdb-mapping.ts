import {
  ANY,
  DeadlineExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AppendStreamState,
  type EventData,
  type JSONType,
  type Position,
} from '@kurrent/kurrentdb-client';
import {
  InvalidEventError,
  PartialDuplicateAppendError,
  StoreUnavailableError,
  WrongExpectedVersionError,
  type Actor,
  type ExpectedVersion,
  type PreparedEvent,
  type RecordedEvent,
} from '@gongzhi/eventsourcing';

/** Our streams count versions from 1 (the first event); EventStoreDB counts revisions from 0. */
export function toExpectedRevision(expected: ExpectedVersion): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new InvalidEventError(`expectedVersion must be a stream version (an integer ≥ 0), not ${expected}`, {
          field: 'expectedVersion',
        });
      }
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

/** The envelope fields EventStoreDB has no column for; `$correlationId`/`$causationId` are its own conventions. */
export interface EsdbEventMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly actor?: Actor;
}

export function encodeMetadata(event: PreparedEvent): EsdbEventMetadata {
  return {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    $correlationId: event.correlationId,
    ...(event.causationId === null ? {} : { $causationId: event.causationId }),
    ...(event.actor === null ? {} : { actor: event.actor }),
  };
}

export interface DecodedMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
}

/**
 * Reads back what `encodeMetadata` wrote. Events written by other tools may carry none of it, so each
 * field falls back to what the envelope would have defaulted to.
 */
export function decodeMetadata(raw: unknown, fallback: { eventId: string; recordedAt: string }): DecodedMetadata {
  const meta: Record<string, unknown> = isPlainObject(raw) ? raw : {};
  const schemaVersion = meta.schemaVersion;
  return {
    schemaVersion: Number.isInteger(schemaVersion) && (schemaVersion as number) >= 1 ? (schemaVersion as number) : 1,
    occurredAt: typeof meta.occurredAt === 'string' ? meta.occurredAt : fallback.recordedAt,
    correlationId: typeof meta.$correlationId === 'string' ? meta.$correlationId : fallback.eventId,
    causationId: typeof meta.$causationId === 'string' ? meta.$causationId : null,
    actor: isPlainObject(meta.actor) && typeof meta.actor.id === 'string' ? (meta.actor as unknown as Actor) : null,
  };
}

export function toEventData(event: PreparedEvent): EventData {
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    // The client JSON.stringify()s any value; its JSONType is only narrower on paper (null, numbers …).
    data: event.data as JSONType,
    metadata: encodeMetadata(event) as unknown as JSONType,
  };
}

/** The parts of the client's recorded event that the envelope is built from. */
export interface EsdbRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly created: Date;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly position?: Position;
}

/** `$`-prefixed types and streams are the server's own (stats, metadata, projections, links). */
export function isSystemEvent(record: Pick<EsdbRecord, 'streamId' | 'type'>): boolean {
  return record.type.startsWith('$') || record.streamId.startsWith('$');
}

export function toRecordedEvent(record: EsdbRecord): RecordedEvent {
  if (!record.position) {
    throw new Error(`EventStoreDB sent event ${record.id} without its log position; the adapter needs server 22.6 or later`);
  }
  const recordedAt = record.created.toISOString();
  const meta = decodeMetadata(record.metadata, { eventId: record.id, recordedAt });
  return {
    eventId: record.id,
    type: record.type,
    schemaVersion: meta.schemaVersion,
    streamId: record.streamId,
    streamVersion: Number(record.revision) + 1,
    globalPosition: toGlobalPosition(record.position),
    occurredAt: meta.occurredAt,
    recordedAt,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    actor: meta.actor,
    data: record.isJson ? record.data : decodeBinary(record.data),
  };
}

/**
 * Why the commit position: $all is ordered by (commit, prepare), so commit never decreases along it,
 * while prepare can (a legacy explicit transaction commits after later single writes). Every append
 * this adapter (or any gRPC client) makes is committed implicitly, and for those events the server
 * reports commit = prepare = the event's own log position, which is unique and strictly increasing.
 * Log positions are byte offsets, exact in a double up to 8 PiB.
 */
export function toGlobalPosition(position: Position): number {
  const value = Number(position.commit);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Log position ${position.commit} exceeds what a number holds exactly`);
  return value;
}

/** The position to resume $all from: the event at that position comes back first and is skipped. */
export function fromGlobalPosition(globalPosition: number): Position {
  if (!Number.isSafeInteger(globalPosition) || globalPosition < 0) {
    throw new RangeError(`A global position is an integer ≥ 0, not ${globalPosition}`);
  }
  return { commit: BigInt(globalPosition), prepare: BigInt(globalPosition) };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

/**
 * The append failures the server reports as a wrong expected version. With 'any' it can only mean that
 * the first ids of the append were stored before and the rest were not ("corrupted idempotency"); the
 * server does not say how many matched, so only the first id is named for sure.
 */
export function toAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedVersion,
  prepared: readonly PreparedEvent[],
): unknown {
  if (!(error instanceof EsdbWrongExpectedVersionError)) return error;
  if (expected === 'any') return new PartialDuplicateAppendError(streamId, [prepared[0].eventId]);
  const actual = error.actualState === NO_STREAM ? 0 : Number(error.actualState) + 1;
  return new WrongExpectedVersionError(streamId, expected, actual);
}

/** Failures that mean the server cannot be reached or did not answer in time. */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    (error instanceof Error && /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(error.message))
  );
}

export function toStoreError(error: unknown, address: string): unknown {
  return isUnreachable(error) && !(error instanceof StoreUnavailableError) ? new StoreUnavailableError(address, error) : error;
}

/**
 * Deployments name the server with esdb:// (the settings accept it); the KurrentDB client still reads it but
 * warns on every connect that the scheme is deprecated, so it gets the same address as kurrentdb://.
 */
export function toKurrentScheme(connectionString: string): string {
  return connectionString.replace(/^esdb(\+discover)?:\/\//i, 'kurrentdb$1://');
}

/** The connection string as it may appear in a log or an error: without its password. */
export function describeAddress(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/[^:@/]+):[^@/]*@/i, '$1:***@');
}

function decodeBinary(data: unknown): unknown {
  if (!(data instanceof Uint8Array)) return data;
  const text = Buffer.from(data).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
