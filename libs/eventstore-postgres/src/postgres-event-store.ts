import { Pool, types, type PoolConfig } from 'pg';
import {
  InvalidEventError,
  MAX_EVENTS_PER_APPEND,
  PartialDuplicateAppendError,
  StoreUnavailableError,
  WrongExpectedVersionError,
  prepareAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type PreparedEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type SerialisedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
} from '@gongzhi/eventsourcing';
import { AppendNotifications } from './append-notifications';
import { POSITIONS_PER_TRANSACTION, appendFunctionSql, appendManyFunctionSql, quoteIdent, schemaSql } from './postgres-schema';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** PostgreSQL schema holding the store's tables; one per service. Defaults to `eventstore`. */
  readonly schema?: string;
  /** Connections in the pool; defaults to 20. */
  readonly maxConnections?: number;
  readonly clock?: () => Date;
}

interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: unknown;
  correlation_id: string;
  causation_id: string | null;
  actor: RecordedEvent['actor'];
  /** ISO-8601 in UTC, as `timestamptzAsIso` reads it. */
  occurred_at: string;
  recorded_at: string;
}

interface SerialisedRow {
  event_id: string;
  type: string;
  schema_version: number;
  stream_id: string;
  global_position: string;
  correlation_id: string;
  causation_id: string | null;
  occurred_at: string;
  recorded_at: string;
  json: string;
}

/** A timestamptz as JavaScript's toISOString() writes it (UTC, milliseconds). */
const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const COLUMNS = `global_position, event_id, stream_id, stream_version, type, schema_version, data,
                 correlation_id, causation_id, actor, occurred_at, recorded_at`;
const UNIQUE_VIOLATION = '23505';

/**
 * Which write-ahead log a connection's commits go to: the cluster's system identifier, and when its server started
 * (a standby promoted from a copy of the cluster keeps the identifier, not the start). The same statement run on
 * another connection gives the same answer only on the same running server.
 */
const WRITE_AHEAD_LOG = `SELECT system_identifier::text || '@' || pg_postmaster_start_time()::text AS log FROM pg_control_system()`;

/** The event store on PostgreSQL: one round trip per append, and a global log that never skips. */
/**
 * Full pages of the global log kept for the next reader: 64 pages of a rebuild's 2,000 events, some 130,000 events,
 * enough for consumers of one topic that drift apart while they replay it to share most pages.
 */
const FULL_PAGES_KEPT = 64;

export class PostgresEventStore implements EventStore {
  private readonly listeners = new Set<() => void>();
  /**
   * The latest full pages read from the global log (`after:limit` → its events, frozen). Every consumer tails the
   * log on its own, from its own position; in a rebuild or a catch-up several of them start together and ask for
   * the same pages, which the first one reads and parses and the others are handed. Only a full page is kept: its
   * events all come from transactions that had ended when it was read, and a later read from the same position
   * finds them again and nothing before them (else a tail would skip), so it is final; a short page is the head
   * of the log, where more may still come.
   */
  private readonly fullPages = new Map<string, Promise<readonly RecordedEvent[]>>();
  private readonly sql: {
    append: string;
    appendMany: string;
    readStream: string;
    readStreams: string;
    readAll: string;
    head: string;
    version: string;
    storedIds: string;
    readAllSerialised: string;
  };

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly address: string,
    private readonly clock: () => Date,
    /** Appends of every process on this store (LISTEN/NOTIFY), for tails here. */
    private readonly notifications: AppendNotifications,
  ) {
    const s = quoteIdent(schema);
    this.sql = {
      append: `SELECT stream_version, last_position, written FROM ${s}.append_to_stream($1, $2, $3, $4)`,
      appendMany: `SELECT r_version, r_position, r_written, r_conflict FROM ${s}.append_to_streams($1, $2)`,
      // Whole streams, so each one's version is its last event's (versions run from 1 without gaps).
      readStreams: `SELECT ${COLUMNS} FROM ${s}.events WHERE stream_id = ANY ($1) ORDER BY stream_id, stream_version`,
      // One statement, so one snapshot: the stream's version and its events always agree. (Two queries could
      // see an append commit in between, and a command would decide on events older than the version it
      // appends after: optimistic concurrency would let both of two conflicting commands through.)
      readStream: `SELECT v.current_version, e.*
                     FROM (SELECT coalesce(max(stream_version), 0) AS current_version FROM ${s}.events WHERE stream_id = $1) v
                     LEFT JOIN LATERAL (
                       SELECT ${COLUMNS} FROM ${s}.events
                        WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3
                     ) e ON true
                    ORDER BY e.stream_version`,
      version: `SELECT coalesce(max(stream_version), 0) AS version FROM ${s}.events WHERE stream_id = $1`,
      storedIds: `SELECT event_id, global_position FROM ${s}.events WHERE event_id = ANY ($1)`,
      // Only transactions below the oldest one still running are final: see postgres-schema.ts.
      readAll: `SELECT ${COLUMNS} FROM ${s}.events
                 WHERE global_position > $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                 ORDER BY global_position LIMIT $2`,
      // The same rows as readAll, with the envelope serialised by PostgreSQL: the relay passes it on as it is.
      readAllSerialised: `SELECT event_id, type, schema_version, stream_id, global_position, correlation_id, causation_id,
                ${ISO_UTC('occurred_at')} AS occurred_at, ${ISO_UTC('recorded_at')} AS recorded_at,
                json_build_object(
                  'eventId', event_id, 'type', type, 'schemaVersion', schema_version, 'streamId', stream_id,
                  'streamVersion', stream_version, 'globalPosition', global_position,
                  'occurredAt', ${ISO_UTC('occurred_at')}, 'recordedAt', ${ISO_UTC('recorded_at')},
                  'correlationId', correlation_id, 'causationId', causation_id, 'actor', actor, 'data', data
                )::text AS json
           FROM ${s}.events
          WHERE global_position > $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY global_position LIMIT $2`,
      head: `SELECT coalesce(max(global_position), 0) AS head FROM ${s}.events
              WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
    };
  }

  /** Connects, creates the schema when missing, and fails fast with the address when the server is unreachable. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'eventstore';
    quoteIdent(schema);
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.maxConnections ?? 20,
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: (oid: number, format?: string) =>
          oid === TIMESTAMPTZ_OID ? timestamptzAsIso : types.getTypeParser(oid, format as 'text'),
      },
    };
    const pool = new Pool(config);
    pool.on('error', () => undefined); // an idle client's lost connection is replaced on next use
    const address = describeAddress(options.connectionString);
    const store = new PostgresEventStore(
      pool,
      schema,
      address,
      options.clock ?? (() => new Date()),
      new AppendNotifications(options.connectionString, schema),
    );
    try {
      await store.migrate();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw isConnectionError(error) ? new StoreUnavailableError(address, error) : error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gongzhi-eventstore:${this.schema}`]);
      await client.query(schemaSql(this.schema));
      const s = quoteIdent(this.schema);
      const { rows } = await client.query<{ base: string; max_position: string; xid: string }>(
        `SELECT (SELECT value FROM ${s}.meta WHERE key = 'xid_base') AS base,
                (SELECT coalesce(max(global_position), 0) FROM ${s}.events) AS max_position,
                pg_current_xact_id()::text AS xid`,
      );
      let base = BigInt(rows[0].base);
      const lastTransaction = BigInt(rows[0].max_position) / BigInt(POSITIONS_PER_TRANSACTION);
      // A database restored into another cluster may count transactions from lower ids: move the base so
      // new positions still come after every stored one.
      if (BigInt(rows[0].xid) - base <= lastTransaction) {
        base = BigInt(rows[0].xid) - lastTransaction - 1n;
        await client.query(`UPDATE ${s}.meta SET value = $1 WHERE key = 'xid_base'`, [base.toString()]);
      }
      await client.query(appendFunctionSql(this.schema, base.toString()));
      await client.query(appendManyFunctionSql(this.schema, base.toString()));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const now = this.clock();
    const prepared = prepareAppend(streamId, events, now);
    const expected = options.expectedVersion ?? 'any';
    const batch = eventsJson(prepared);
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await this.query<{ stream_version: string; last_position: string; written: number }>(
          { name: this.statementName('append'), text: this.sql.append },
          [streamId, expectedVersionCode(expected), batch, now.toISOString()],
        );
        this.listeners.forEach((listener) => listener());
        if (rows[0].written > 0) this.notifications.announce(this.pool);
        return {
          streamVersion: Number(rows[0].stream_version),
          lastGlobalPosition: Number(rows[0].last_position),
          written: rows[0].written,
        };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== 'GZ409' && code !== UNIQUE_VIOLATION) throw error;
        // A conflict or a stored id: this may be a repeat of an append that was written before.
        const repeat = await this.asRepeat(
          streamId,
          prepared.map((e) => e.eventId),
        );
        if (repeat) return repeat;
        if (code === 'GZ409') throw new WrongExpectedVersionError(streamId, expected, Number((error as { detail?: string }).detail ?? 0));
        if (attempt > 1) throw error; // the racing writer of the same ids rolled back: try once more
      }
    }
  }

  /**
   * One round trip for all the appends (append_to_streams), each answered. An append refused by its expected
   * version may be the repeat of one written before, so it alone is tried again as appendToStream, which tells
   * the two apart; so is every append of a call that met an event id stored before.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> {
    if (appends.length === 0) return [];
    const now = this.clock();
    const prepared = appends.map(({ streamId, events }) => prepareAppend(streamId, events, now));
    const total = prepared.reduce((sum, events) => sum + events.length, 0);
    if (total > MAX_EVENTS_PER_APPEND)
      throw new InvalidEventError(`The appends hold ${total} events together, more than ${MAX_EVENTS_PER_APPEND}`, { field: 'events' });
    const document = `[${appends
      .map(
        ({ streamId, options }, i) =>
          `{"stream_id":${JSON.stringify(streamId)},"expected":${expectedVersionCode(options?.expectedVersion ?? 'any')},` +
          `"events":${eventsJson(prepared[i])}}`,
      )
      .join(',')}]`;
    let rows: { r_version: string; r_position: string | null; r_written: number; r_conflict: boolean }[];
    try {
      ({ rows } = await this.query<(typeof rows)[number]>({ name: this.statementName('append_many'), text: this.sql.appendMany }, [
        document,
        now.toISOString(),
      ]));
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return this.appendOneByOne(appends);
    }
    if (rows.some((row) => row.r_written > 0)) {
      this.listeners.forEach((listener) => listener());
      this.notifications.announce(this.pool);
    }
    const outcomes: StreamAppendOutcome[] = [];
    for (const [i, row] of rows.entries()) {
      if (!row.r_conflict) {
        outcomes.push({
          ok: true,
          result: { streamVersion: Number(row.r_version), lastGlobalPosition: Number(row.r_position), written: row.r_written },
        });
      } else {
        outcomes.push(...(await this.appendOneByOne([appends[i]])));
      }
    }
    return outcomes;
  }

  private async appendOneByOne(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    const outcomes: StreamAppendOutcome[] = [];
    for (const { streamId, events, options } of appends) {
      try {
        outcomes.push({ ok: true, result: await this.appendToStream(streamId, events, options) });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        outcomes.push({ ok: false, conflict: error });
      }
    }
    return outcomes;
  }

  /** The stored result when every id was written before, an error when only some were, null when none were. */
  private async asRepeat(streamId: string, eventIds: string[]): Promise<AppendResult | null> {
    const { rows } = await this.query<{ event_id: string; global_position: string }>(this.sql.storedIds, [eventIds]);
    if (rows.length === 0) return null;
    if (rows.length < eventIds.length)
      throw new PartialDuplicateAppendError(
        streamId,
        rows.map((r) => r.event_id),
      );
    const last = rows.find((r) => r.event_id === eventIds[eventIds.length - 1])!;
    const version = await this.query<{ version: string }>(this.sql.version, [streamId]);
    return { streamVersion: Number(version.rows[0].version), lastGlobalPosition: Number(last.global_position), written: 0 };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const { rows } = await this.query<EventRow & { current_version: string }>(
      { name: this.statementName('read_stream'), text: this.sql.readStream },
      [streamId, Math.max(1, options.fromVersion ?? 1), options.maxCount ?? null],
    );
    const streamVersion = Number(rows[0].current_version);
    // A stream with no events in the range still gives one row, of its version alone.
    const events = rows.filter((row) => row.event_id !== null).map(toRecordedEvent);
    return { streamExists: streamVersion > 0, streamVersion, events };
  }

  /** Whole streams in one statement, so one snapshot: no append can fall between two of them. */
  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, ReadStreamResult>> {
    const ids = [...new Set(streamIds)];
    const results = new Map<string, ReadStreamResult>(ids.map((id) => [id, { streamExists: false, streamVersion: 0, events: [] }]));
    if (ids.length === 0) return results;
    const { rows } = await this.query<EventRow>({ name: this.statementName('read_streams'), text: this.sql.readStreams }, [ids]);
    const byStream = new Map<string, RecordedEvent[]>();
    for (const row of rows) {
      const event = toRecordedEvent(row);
      const events = byStream.get(event.streamId);
      if (events) events.push(event);
      else byStream.set(event.streamId, [event]);
    }
    for (const [streamId, events] of byStream) {
      results.set(streamId, { streamExists: true, streamVersion: events[events.length - 1].streamVersion, events });
    }
    return results;
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? null;
    if (limit === null) return (await this.query<EventRow>(this.sql.readAll, [after, null])).rows.map(toRecordedEvent);
    const key = `${after}:${limit}`;
    const held = this.fullPages.get(key);
    if (held) {
      this.fullPages.delete(key); // the latest used is the last to go
      this.fullPages.set(key, held);
      return held;
    }
    const reading = this.query<EventRow>(this.sql.readAll, [after, limit]).then(({ rows }) =>
      rows.length < limit ? rows.map(toRecordedEvent) : rows.map((row) => deepFreeze(toRecordedEvent(row))),
    );
    // Shared while in flight; kept only when full, since only a full page is final (see `fullPages`).
    this.fullPages.set(key, reading);
    reading.then(
      (events) => events.length < limit && this.fullPages.get(key) === reading && this.fullPages.delete(key),
      () => this.fullPages.get(key) === reading && this.fullPages.delete(key),
    );
    for (const oldest of this.fullPages.keys()) {
      if (this.fullPages.size <= FULL_PAGES_KEPT) break;
      this.fullPages.delete(oldest);
    }
    return reading;
  }

  async readAllSerialised(options: ReadAllOptions = {}): Promise<readonly SerialisedEvent[]> {
    const { rows } = await this.query<SerialisedRow>(
      { name: this.statementName('read_all_serialised'), text: this.sql.readAllSerialised },
      [options.after ?? 0, options.limit ?? null],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      streamId: row.stream_id,
      globalPosition: Number(row.global_position),
      correlationId: row.correlation_id,
      causationId: row.causation_id,
      occurredAt: row.occurred_at,
      recordedAt: row.recorded_at,
      json: row.json,
    }));
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.query<{ head: string }>(this.sql.head, []);
    return Number(rows[0].head);
  }

  /**
   * The server's write-ahead log (see `writeAheadLog` in @gongzhi/eventsourcing); null when the role may not read it,
   * an error when the server cannot be asked now.
   */
  async writeAheadLog(): Promise<string | null> {
    try {
      const { rows } = await this.query<{ log: string }>(WRITE_AHEAD_LOG, []);
      return rows[0].log;
    } catch (error) {
      // No privilege, or no such function: the role may not know. Anything else (the server away) is asked again later.
      if (['42501', '42883'].includes((error as { code?: string }).code ?? '')) return null;
      throw error;
    }
  }

  /** Wakes on this process's appends at once, and on other processes' appends when their notification arrives. */
  onAppended(listener: () => void): () => void {
    this.listeners.add(listener);
    const unsubscribe = this.notifications.subscribe(listener);
    return () => {
      this.listeners.delete(listener);
      unsubscribe();
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.notifications.close();
    await this.pool.end();
  }

  /** Prepared statements are per connection and per schema, so the name carries the schema. */
  private statementName(statement: string): string {
    return `gz_${this.schema}_${statement}`;
  }

  private async query<Row extends object>(query: string | { name: string; text: string }, values: unknown[]) {
    try {
      return await this.pool.query<Row>(typeof query === 'string' ? { text: query, values } : { ...query, values });
    } catch (error) {
      throw isConnectionError(error) ? new StoreUnavailableError(this.address, error) : error;
    }
  }
}

/** One JSON document per batch of events: cheaper to build and to send than one array parameter per column. */
function eventsJson(prepared: readonly PreparedEvent[]): string {
  return `[${prepared
    .map(
      (e, i) =>
        `{"i":${i},"event_id":"${e.eventId}","type":${JSON.stringify(e.type)},"schema_version":${e.schemaVersion},` +
        `"data":${e.dataJson},"correlation_id":${JSON.stringify(e.correlationId)},"causation_id":${JSON.stringify(e.causationId)},` +
        `"actor":${e.actorJson ?? 'null'},"occurred_at":"${e.occurredAt}"}`,
    )
    .join(',')}]`;
}

function expectedVersionCode(expected: ExpectedVersion): number {
  switch (expected) {
    case 'any':
      return -1;
    case 'no_stream':
      return -2;
    case 'stream_exists':
      return -3;
    default:
      return expected;
  }
}

/** A recorded event that several readers may be handed at once: none of them can change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // for…in rather than Object.values: no array of the values per object (two objects or more per event in a replay).
    for (const key in value) if (Object.hasOwn(value, key)) deepFreeze(value[key]);
  }
  return value;
}

const TIMESTAMPTZ_OID = 1184;
const parseTimestamptz = types.getTypeParser(TIMESTAMPTZ_OID) as (text: string) => Date;
/** A timestamptz as the server writes it in a session on UTC: `2025-01-06 00:30:00.123456+00`. */
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz read as the ISO string an event carries (`2025-01-06T00:30:00.123Z`, JavaScript's toISOString). In a
 * session on UTC that is the server's text rearranged; a replay reads two per event, and a Date made and written out
 * again for each was a tenth of its reading. Any other text (another time zone, a year past 9999) goes through a Date.
 */
export function timestamptzAsIso(text: string): string {
  const utc = UTC_TIMESTAMP.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return parseTimestamptz(text).toISOString();
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    actor: row.actor,
    data: row.data,
  };
}

function describeAddress(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `postgresql://${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'PostgreSQL (unparseable connection string)';
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  const message = error instanceof Error ? error.message : '';
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '57P01', '57P03', '08006', '08001'].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  );
}
