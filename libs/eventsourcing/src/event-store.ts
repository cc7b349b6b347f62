import type { NewEvent, RecordedEvent } from './envelope';
import type { ExpectedVersion } from './expected-version';
import { WrongExpectedVersionError } from './errors';

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
  /** Several whole streams, read together. Optional; see `readStreams`. */
  readStreams?(streamIds: readonly string[]): Promise<ReadonlyMap<string, ReadStreamResult>>;
  /** Appends to several streams at once, each answered on its own. Optional; see `appendToStreams`. */
  appendToStreams?(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]>;
  /**
   * Names the write-ahead log this store's commits are made durable in, when another database may share it
   * (PostgreSQL: the server's system identifier and start time). Two writers that name the same log flush in
   * order: once a commit of one is on disk, every commit either made before it is too. Optional; null or absent
   * when nothing else can share it.
   */
  writeAheadLog?(): Promise<string | null>;
  close(): Promise<void>;
}

/** One stream's part of `appendToStreams`. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly options?: AppendOptions;
}

/** What became of one append of `appendToStreams`: written (or a repeat), or refused by its expected version alone. */
export type StreamAppendOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly conflict: WrongExpectedVersionError };

/**
 * Reads whole streams, each in full from version 1 (small streams, such as one voter's roll), in one go where
 * the store can (one statement on PostgreSQL), else one by one. Every id asked for has an answer.
 */
export async function readStreams(store: EventStore, streamIds: readonly string[]): Promise<ReadonlyMap<string, ReadStreamResult>> {
  if (store.readStreams) return store.readStreams(streamIds);
  const results = new Map<string, ReadStreamResult>();
  for (const streamId of new Set(streamIds)) results.set(streamId, await store.readStream(streamId));
  return results;
}

/**
 * Appends to several streams, answering each in order: written, or refused because its stream was not at the
 * expected version (the others are written all the same). Any other failure (an invalid event, an event id
 * stored in a different append, an unreachable store) rejects the whole call, and the caller cannot assume
 * which appends were written: it may retry them, since appending the same event ids again writes nothing twice.
 * One round trip on PostgreSQL; one append after another on stores without `appendToStreams`.
 */
export async function appendToStreams(store: EventStore, appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> {
  if (appends.length === 0) return [];
  if (store.appendToStreams) return store.appendToStreams(appends);
  const outcomes: StreamAppendOutcome[] = [];
  for (const { streamId, events, options } of appends) {
    try {
      outcomes.push({ ok: true, result: await store.appendToStream(streamId, events, options) });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      outcomes.push({ ok: false, conflict: error });
    }
  }
  return outcomes;
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
