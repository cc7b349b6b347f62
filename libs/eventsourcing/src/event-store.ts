import type { NewEvent, RecordedEvent } from './envelope';
import type { ExpectedVersion } from './expected-version';

export interface AppendOptions {
  /** Defaults to 'any'. */
  readonly expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** The stream's version after the append. */
  readonly streamVersion: number;
  /** Global position of the last event of this append (of the stored one when it was a repeat). */
  readonly lastGlobalPosition: number;
  /** Events written by this call: 0 when every event id had been stored before. */
  readonly written: number;
}

export interface ReadStreamOptions {
  /** First stream version to return (1-based); defaults to 1. */
  readonly fromVersion?: number;
  readonly maxCount?: number;
}

export interface ReadStreamResult {
  readonly streamExists: boolean;
  /** The stream's current version: 0 when it does not exist. */
  readonly streamVersion: number;
  readonly events: readonly RecordedEvent[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this global position. 0 (the default) reads from the start. */
  readonly after?: number;
  readonly limit?: number;
}

/**
 * An event as a relay publishes it: the header fields, and the whole envelope already serialised as JSON
 * (by the database, where it can, so the process neither parses nor re-serialises it).
 */
export interface SerialisedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly globalPosition: number;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** The RecordedEvent as JSON. */
  readonly json: string;
}

/**
 * The port every event store adapter implements (SQLite, PostgreSQL, EventStoreDB, in-memory).
 *
 * `readAll` only returns events that are safe to checkpoint past: no event with a lower global position
 * may become visible afterwards. A tail that resumes from its last position therefore never skips one.
 */
export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /** `readAll`, serialised: the same events in the same order, for relays. Optional; see `readAllSerialised`. */
  readAllSerialised?(options?: ReadAllOptions): Promise<readonly SerialisedEvent[]>;
  /** The highest global position a reader can see now (0 for an empty store); for lag figures. */
  headPosition(): Promise<number>;
  /** Calls back after each local append, so tails in this process need not wait for their next poll. */
  onAppended?(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Reads the global log serialised, by the store itself where it can, else by JSON.stringify here. */
export async function readAllSerialised(store: EventStore, options: ReadAllOptions): Promise<readonly SerialisedEvent[]> {
  if (store.readAllSerialised) return store.readAllSerialised(options);
  const events = await store.readAll(options);
  return events.map((event) => ({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    globalPosition: event.globalPosition,
    correlationId: event.correlationId,
    causationId: event.causationId,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    json: JSON.stringify(event),
  }));
}
