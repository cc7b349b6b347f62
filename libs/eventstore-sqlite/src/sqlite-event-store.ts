import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate } from 'node:timers';
import {
  PartialDuplicateAppendError,
  WrongExpectedVersionError,
  expectedVersionMatches,
  prepareAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type PreparedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
} from '@gongzhi/eventsourcing';
import { tuneSqliteConnection } from './sqlite-connection';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT    NOT NULL UNIQUE,
    stream_id       TEXT    NOT NULL,
    stream_version  INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    data            TEXT    NOT NULL,
    correlation_id  TEXT    NOT NULL,
    causation_id    TEXT,
    actor           TEXT,
    occurred_at     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    UNIQUE (stream_id, stream_version)
  );
`;

interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  correlation_id: string;
  causation_id: string | null;
  actor: string | null;
  occurred_at: string;
  recorded_at: string;
}

export interface SqliteEventStoreOptions {
  /** Injected so tests control recorded-at times; defaults to the wall clock. */
  readonly clock?: () => Date;
  /**
   * Called with what a wake listener (`onAppended`) threw; by default it is thrown again on its own turn of the event
   * loop (a listener only signals and should never throw). Either way every append is answered first and every other
   * listener is still woken.
   */
  readonly onListenerError?: (error: unknown) => void;
}

/** An append waiting for the group it commits with. */
interface PendingAppend {
  readonly streamId: string;
  readonly prepared: PreparedEvent[];
  readonly options: AppendOptions;
  readonly recordedAt: string;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each append runs
 * start to finish without interleaving and positions follow commit order: the global log has no gaps
 * for a reader to skip.
 */
export class SqliteEventStore implements EventStore {
  private readonly listeners = new Set<() => void>();
  /**
   * The latest events read from the log, in order: every event after `recentAfter` up to the last one held. Each
   * consumer tails the log on its own, so a new event used to be read and parsed once per consumer; now the first
   * read parses it and the others are handed the same (frozen) event. Positions only grow and commit in order, so
   * whatever another connection appends lies after the last event held and is read from the file as before.
   */
  private recent: RecordedEvent[] = [];
  private recentAfter = 0;
  private readonly clock: () => Date;
  private readonly statements;
  private readonly appendTransaction;
  private readonly groupTransaction;
  /** Appends asked for since the last group committed; they commit together once the current turn of the event loop ends. */
  private pending: PendingAppend[] = [];
  private readonly onListenerError: (error: unknown) => void;

  private constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.onListenerError =
      options.onListenerError ??
      ((error) =>
        setImmediate(() => {
          throw error;
        }));
    this.statements = {
      streamVersion: db.prepare<[string], { version: number | null }>(
        'SELECT MAX(stream_version) AS version FROM events WHERE stream_id = ?',
      ),
      findById: db.prepare<[string], { global_position: number }>('SELECT global_position FROM events WHERE event_id = ?'),
      insert: db.prepare(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, correlation_id, causation_id, actor, occurred_at, recorded_at)
         VALUES (@eventId, @streamId, @streamVersion, @type, @schemaVersion, @data, @correlationId, @causationId, @actor, @occurredAt, @recordedAt)`,
      ),
      readStream: new LimitedStatements<[string, number], EventRow>(
        db,
        'SELECT * FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version',
      ),
      readAll: new LimitedStatements<[number], EventRow>(db, 'SELECT * FROM events WHERE global_position > ? ORDER BY global_position'),
      head: db.prepare<[], { head: number | null }>('SELECT MAX(global_position) AS head FROM events'),
    };
    this.appendTransaction = db.transaction(
      (streamId: string, prepared: PreparedEvent[], options: AppendOptions, recordedAt: string): AppendResult => {
        const current = this.statements.streamVersion.get(streamId)?.version ?? 0;
        const stored = prepared.map((e) => this.statements.findById.get(e.eventId));
        if (stored.every((row) => row !== undefined)) {
          return { streamVersion: current, lastGlobalPosition: stored[stored.length - 1]!.global_position, written: 0 };
        }
        if (stored.some((row) => row !== undefined)) {
          throw new PartialDuplicateAppendError(
            streamId,
            prepared.filter((_, i) => stored[i]).map((e) => e.eventId),
          );
        }
        const expected = options.expectedVersion ?? 'any';
        if (!expectedVersionMatches(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current);
        let lastGlobalPosition = 0;
        prepared.forEach((event, i) => {
          const info = this.statements.insert.run({
            eventId: event.eventId,
            streamId,
            streamVersion: current + i + 1,
            type: event.type,
            schemaVersion: event.schemaVersion,
            data: event.dataJson,
            correlationId: event.correlationId,
            causationId: event.causationId,
            actor: event.actorJson,
            occurredAt: event.occurredAt,
            recordedAt,
          });
          lastGlobalPosition = Number(info.lastInsertRowid);
        });
        return { streamVersion: current + prepared.length, lastGlobalPosition, written: prepared.length };
      },
    );
    // Each append of a group in a savepoint of its own (better-sqlite3 nests a transaction in one that is open): one
    // that fails (a wrong expected version) is undone alone, and the others still commit.
    this.groupTransaction = db.transaction((group: readonly PendingAppend[]) =>
      group.map((append): { readonly result: AppendResult } | { readonly error: unknown } => {
        try {
          return { result: this.appendTransaction(append.streamId, append.prepared, append.options, append.recordedAt) };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  /** Opens (and creates when missing) the store in a file, or in memory for ':memory:'. */
  static open(filename: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    const db = new Database(filename);
    tuneSqliteConnection(db);
    db.exec(SCHEMA);
    return new SqliteEventStore(db, options);
  }

  /**
   * Appends wait for the end of the current turn of the event loop and commit together, each still checked and written
   * as if alone (group commit): a commit writes its pages to the log, and many appends of one turn (the commands of
   * requests that came in together) shared one such write instead of paying one each. An append answers once its
   * group committed, so what it answers is stored; nothing of a group is visible before all of it is.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      const now = this.clock();
      const prepared = prepareAppend(streamId, events, now);
      return new Promise((resolve, reject) => {
        const waiting = this.pending.push({ streamId, prepared, options, recordedAt: now.toISOString(), resolve, reject });
        if (waiting === 1) setImmediate(this.commitPending);
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private readonly commitPending = (): void => {
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    let outcomes: ReadonlyArray<{ readonly result: AppendResult } | { readonly error: unknown }>;
    try {
      // IMMEDIATE takes the write lock up front, so another process cannot slip in between read and write.
      outcomes =
        group.length === 1
          ? [{ result: this.appendTransaction.immediate(group[0].streamId, group[0].prepared, group[0].options, group[0].recordedAt) }]
          : this.groupTransaction.immediate(group);
    } catch (error) {
      // The group did not commit (or its one append failed): none of it is stored.
      for (const append of group) append.reject(error);
      return;
    }
    // Each caller is answered first: a listener that throws must not leave an append that committed unanswered.
    outcomes.forEach((outcome, i) => ('result' in outcome ? group[i].resolve(outcome.result) : group[i].reject(outcome.error)));
    if (outcomes.some((outcome) => 'result' in outcome && outcome.result.written > 0)) this.wakeListeners();
  };

  private wakeListeners(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const from = Math.max(1, options.fromVersion ?? 1);
    if (from === 1 && options.maxCount === undefined) {
      // Versions run from 1 without gaps: a whole stream, read in one statement, ends at its version (and an empty
      // read means no stream), as a command on a new case reads it.
      const rows = this.statements.readStream.all(-1, streamId, 1);
      const streamVersion = rows[rows.length - 1]?.stream_version ?? 0;
      return { streamExists: streamVersion > 0, streamVersion, events: rows.map(toRecordedEvent) };
    }
    // The version first: a reader whose fold is up to date (FoldedStreams, at each look at a resident's points) asks
    // for the events after it and needs no second statement to learn there are none.
    const version = this.statements.streamVersion.get(streamId)?.version ?? 0;
    const rows = version >= from ? this.statements.readStream.all(options.maxCount ?? -1, streamId, from) : [];
    // Another process may append between the two statements: the version returned still covers every event returned.
    const streamVersion = rows.length > 0 ? Math.max(version, rows[rows.length - 1].stream_version) : version;
    return { streamExists: streamVersion > 0, streamVersion, events: rows.map(toRecordedEvent) };
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? -1;
    const upTo = this.recent.length > 0 ? this.recent[this.recent.length - 1].globalPosition : this.recentAfter;
    if (after < this.recentAfter || after > upTo) {
      const events = this.statements.readAll.all(limit, after).map(toFrozenRecordedEvent);
      // A reader far behind (a replay) reads past the window; the first read starts it.
      if (this.recent.length === 0 && after >= this.recentAfter) this.remember(after, events);
      return events;
    }
    const first = firstAfter(this.recent, after);
    const held = this.recent.slice(first, limit < 0 ? undefined : first + limit);
    if (limit >= 0 && held.length >= limit) return held;
    // Read with the caller's own limit (one statement per batch size, see LimitedStatements) and keep what is over.
    const newer = this.statements.readAll.all(limit, upTo).map(toFrozenRecordedEvent);
    this.remember(upTo, newer);
    if (newer.length === 0) return held;
    return [...held, ...(limit < 0 ? newer : newer.slice(0, limit - held.length))];
  }

  /** Adds events read after `after` (the last one held, or the window's start) and keeps the latest few thousand. */
  private remember(after: number, events: readonly RecordedEvent[]): void {
    if (this.recent.length === 0) this.recentAfter = after;
    this.recent.push(...events);
    if (this.recent.length > RECENT_EVENTS * 2) {
      const dropped = this.recent.splice(0, this.recent.length - RECENT_EVENTS);
      this.recentAfter = dropped[dropped.length - 1].globalPosition;
    }
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.head ?? 0;
  }

  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    // Appends asked for before the close are committed (or refused) first, as they would have been a moment later.
    this.commitPending();
    this.listeners.clear();
    this.recent = [];
    if (this.db.open) this.db.close();
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor === null ? null : JSON.parse(row.actor),
    data: JSON.parse(row.data),
  };
}

/**
 * A query prepared once for each row limit it is run with, the limit written into its text: SQLite ran the same
 * query several times slower with the limit bound as a parameter (~20 µs instead of ~3 µs to find that a new case's
 * stream is empty, on every command). Callers use a handful of limits (none, and their batch sizes); past
 * `MAX_LIMITS` of them a limit is bound as a parameter again.
 */
class LimitedStatements<Params extends unknown[], Row> {
  private readonly byLimit = new Map<number, Database.Statement<Params, Row>>();
  private readonly bound: Database.Statement<[...Params, number], Row>;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: string,
  ) {
    this.bound = db.prepare<[...Params, number], Row>(`${sql} LIMIT ?`);
  }

  /** The rows, all of them when `limit` is negative. */
  all(limit: number, ...params: Params): Row[] {
    const key = limit < 0 ? -1 : Math.floor(limit);
    let statement = this.byLimit.get(key);
    if (!statement) {
      if (this.byLimit.size >= MAX_LIMITS) return this.bound.all(...params, key);
      statement = this.db.prepare<Params, Row>(key < 0 ? this.sql : `${this.sql} LIMIT ${key}`);
      this.byLimit.set(key, statement);
    }
    return statement.all(...params);
  }
}
const MAX_LIMITS = 16;

/** How many of the latest events the store keeps parsed for its tailing consumers (up to twice as many). */
const RECENT_EVENTS = 2_000;

/** The index of the first held event after `position` (events are in log order). */
function firstAfter(events: readonly RecordedEvent[], position: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle].globalPosition <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A recorded event that several readers may be handed at once: none of them can change it for the others. */
function toFrozenRecordedEvent(row: EventRow): RecordedEvent {
  return deepFreeze(toRecordedEvent(row));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
