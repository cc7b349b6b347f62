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
 * The port every event store adapter implements (SQLite, PostgreSQL, EventStoreDB, in-memory).
 *
 * `readAll` only returns events that are safe to checkpoint past: no event with a lower global position
 * may become visible afterwards. A tail that resumes from its last position therefore never skips one.
 */
export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /** The highest global position a reader can see now (0 for an empty store); for lag figures. */
  headPosition(): Promise<number>;
  /** Calls back after each local append, so tails in this process need not wait for their next poll. */
  onAppended?(listener: () => void): () => void;
  close(): Promise<void>;
}
