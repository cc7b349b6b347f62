import type { DataSource, EntityManager } from 'typeorm';
import { pgArrayLiteral, statementChunks } from '@gongzhi/persistence';
import { ConsumerPosition, DeadLetter, InboxEntry } from './consumer-state.entities';

export interface BatchOutcome {
  readonly applied: number;
  readonly skipped: number;
}

const IN_CHUNK = 1000;
/** The most inbox rows one SQLite statement claims (three parameters each). */
const SQLITE_CLAIM_ROWS = 512;

/**
 * The inbox statements in plain SQL (names from the entity's metadata): TypeORM's query builder spends time
 * quadratic in the number of parameters on a multi-row insert or an `In` list, which made the inbox the
 * slowest part of a batch of a thousand events. PostgreSQL takes the ids as one array parameter. Both databases can
 * record the ids and answer the new ones in one statement (INSERT … ON CONFLICT DO NOTHING RETURNING); PostgreSQL
 * also has a plain INSERT for a batch that is expected to be all new (`record`).
 */
function inboxSql(manager: EntityManager) {
  const { driver } = manager.connection;
  const meta = manager.connection.getMetadata(InboxEntry);
  const table = meta.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const column = (property: keyof InboxEntry) => driver.escape(meta.findColumnWithPropertyName(property)!.databaseName);
  const [consumer, eventId, processedAt] = [column('consumer'), column('eventId'), column('processedAt')];
  const insert = `INSERT INTO ${table} (${consumer}, ${eventId}, ${processedAt}) `;
  if (manager.connection.options.type === 'postgres') {
    // A parameter in an INSERT … SELECT list is text, which PostgreSQL does not assign to a timestamptz by itself.
    const instant = meta.findColumnWithPropertyName('processedAt')!.type === 'timestamptz' ? '::timestamptz' : '';
    return {
      /**
       * Records the ids and answers those that were not recorded before, in one statement: the unique index looks
       * each id up once, where a select and then an insert looked it up twice.
       */
      claim: (name: string, ids: readonly string[], at: string): Promise<Array<{ event_id: string }>> =>
        manager.query(`${insert}SELECT $1, unnest($2::varchar[]), $3${instant} ON CONFLICT DO NOTHING RETURNING ${eventId} AS event_id`, [
          name,
          pgArrayLiteral(ids),
          at,
        ]),
      /** The ids go as one array parameter, so one statement serves any count; up to IN_CHUNK at a time. */
      chunks: (count: number): Array<readonly [number, number]> =>
        Array.from({ length: Math.ceil(count / IN_CHUNK) }, (_, i) => [i * IN_CHUNK, Math.min(count, (i + 1) * IN_CHUNK)] as const),
      /**
       * Records ids that are expected to be new, and fails on one that is not (a unique violation, which ends the
       * transaction). It skips the speculative insertion of ON CONFLICT and sends nothing back: about half the
       * server's work per id, and what a replay or a live consumer meets in all but a redelivery.
       */
      record: (name: string, ids: readonly string[], at: string): Promise<unknown> =>
        manager.query(`${insert}SELECT $1, unnest($2::varchar[]), $3${instant}`, [name, pgArrayLiteral(ids), at]),
    };
  }
  const p = (index: number) => driver.createParameter(`p${index}`, index);
  const list = (count: number, item: (i: number) => string) => Array.from({ length: count }, (_, i) => item(i)).join(', ');
  return {
    /** As on PostgreSQL: one statement records the ids and answers the new ones (SQLite has RETURNING since 3.35). */
    claim: (name: string, ids: readonly string[], at: string): Promise<Array<{ event_id: string }>> =>
      manager.query(
        `${insert}VALUES ${list(ids.length, (i) => `(${p(3 * i)}, ${p(3 * i + 1)}, ${p(3 * i + 2)})`)} ON CONFLICT DO NOTHING RETURNING ${eventId} AS event_id`,
        ids.flatMap((id) => [name, id, at]),
      ),
    /** A statement per count of ids: power-of-two counts keep a few of them, whatever the batch sizes (see statementChunks). */
    chunks: (count: number) => statementChunks(count, SQLITE_CLAIM_ROWS),
    record: undefined,
  };
}

/**
 * The position upsert in plain SQL with every value a parameter: TypeORM's `upsert` wrote the position into the
 * statement's text, so each new position was a statement SQLite had to prepare again (once per batch of every
 * consumer), besides the query builder's own work.
 */
function positionUpsertSql(manager: EntityManager): string {
  const { driver } = manager.connection;
  const cached = positionSql.get(manager.connection);
  if (cached) return cached;
  const meta = manager.connection.getMetadata(ConsumerPosition);
  const table = meta.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const column = (property: keyof ConsumerPosition) => driver.escape(meta.findColumnWithPropertyName(property)!.databaseName);
  const [consumer, source, position, updatedAt] = [column('consumer'), column('source'), column('position'), column('updatedAt')];
  const p = (index: number) => driver.createParameter(`p${index}`, index);
  const sql =
    `INSERT INTO ${table} (${consumer}, ${source}, ${position}, ${updatedAt}) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}) ` +
    `ON CONFLICT (${consumer}, ${source}) DO UPDATE SET ${position} = EXCLUDED.${position}, ${updatedAt} = EXCLUDED.${updatedAt}`;
  positionSql.set(manager.connection, sql);
  return sql;
}
const positionSql = new WeakMap<object, string>();

/** What a batch does: an effect per event, in order, or one effect for all of its new events. */
export type EventEffect<E> = (event: E, manager: EntityManager) => Promise<void>;
export interface BatchEffect<E> {
  readonly batch: (events: readonly E[], manager: EntityManager) => Promise<void>;
}

/**
 * A consumer's inbox, positions and dead letters in a relational database (PostgreSQL or SQLite through
 * TypeORM). `processBatch` commits the effects, the inbox rows and the new position together, so a crash
 * either keeps all three or none, and a redelivery after it is recognised.
 */
export class ConsumerStateStore {
  private readonly serial: boolean;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly committed = new Set<() => void>();
  /** Consumers whose latest batch held an event applied before: their batches ask the inbox which events are new. */
  private readonly redelivered = new Set<string>();

  constructor(
    readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // One SQLite connection cannot hold two transactions at once: take turns.
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  /**
   * Calls `listener` after each batch or position this store has committed, so a caller waiting for consumers to
   * catch up (the demo clock) looks again when something changed instead of polling. Returns the unsubscribe.
   */
  onCommit(listener: () => void): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }

  private announce<T>(done: T): T {
    this.committed.forEach((listener) => listener());
    return done;
  }

  async position(consumer: string, source: string): Promise<number | null> {
    const row = await this.dataSource.getRepository(ConsumerPosition).findOneBy({ consumer, source });
    return row?.position ?? null;
  }

  async savePosition(consumer: string, source: string, position: number, manager?: EntityManager): Promise<void> {
    const write = (m: EntityManager) => m.query(positionUpsertSql(m), [consumer, source, position, this.clock().toISOString()]);
    if (manager) await write(manager);
    else if (this.serial) this.announce(await this.transaction(write));
    else this.announce(await write(this.dataSource.manager)); // one statement: atomic without BEGIN and COMMIT round trips
  }

  /**
   * Applies `effect` to each event of the batch that the consumer has not applied before, in order (or, for
   * a `BatchEffect`, to all of them at once), in one transaction with their inbox rows and (when given) the
   * consumer's new position in `source`. An event for which `hasEffect` answers false changes nothing, so a
   * second delivery cannot count it twice: it takes no inbox row and is passed on each time it comes (once
   * per batch).
   *
   * On PostgreSQL a batch is first taken to be all new, as every batch of a replay and of a running consumer is
   * save a redelivery: its inbox rows go in with a plain INSERT. Should one of them be there already, that INSERT
   * fails before any effect, the transaction is rolled back, and the batch runs again with the inbox telling which
   * events are new; so does the consumer's next batch, until one is all new again.
   */
  async processBatch<E extends { readonly eventId: string }>(
    consumer: string,
    events: readonly E[],
    effect: EventEffect<E> | BatchEffect<E>,
    position?: { readonly source: string; readonly value: number },
    hasEffect?: (event: E) => boolean,
  ): Promise<BatchOutcome> {
    const unique = distinctEvents(events); // the same event twice in one batch counts once too
    const ids = (hasEffect ? unique.filter(hasEffect) : unique).map((e) => e.eventId);
    const processedAt = this.clock().toISOString();
    const attempt = (expectNew: boolean) =>
      this.transaction(async (manager) => {
        const inbox = inboxSql(manager);
        let fresh = unique;
        if (expectNew && inbox.record) {
          // The inbox rows first, so a repeat is found before any effect is applied.
          if (ids.length > 0) await inbox.record(consumer, ids, processedAt).catch(asRepeatedDelivery);
        } else {
          // Of the events with an effect, those the inbox has not seen; recorded in the same transaction as the effects.
          const recorded = new Set<string>();
          for (const [start, end] of inbox.chunks(ids.length)) {
            for (const row of await inbox.claim(consumer, ids.slice(start, end), processedAt)) recorded.add(row.event_id);
          }
          if (recorded.size < ids.length) {
            const seen = new Set(ids.filter((id) => !recorded.has(id)));
            fresh = unique.filter((event) => !seen.has(event.eventId));
          }
        }
        await this.apply(fresh, effect, manager);
        if (position) await this.savePosition(consumer, position.source, position.value, manager);
        return { applied: fresh.length, skipped: events.length - fresh.length };
      });
    let outcome: BatchOutcome;
    if (this.redelivered.has(consumer)) {
      outcome = await attempt(false);
      if (outcome.skipped === events.length - unique.length) this.redelivered.delete(consumer);
    } else {
      try {
        outcome = await attempt(true);
      } catch (error) {
        if (!(error instanceof RepeatedDeliveryError)) throw error;
        this.redelivered.add(consumer);
        outcome = await attempt(false);
      }
    }
    return this.announce(outcome);
  }

  private async apply<E>(fresh: readonly E[], effect: EventEffect<E> | BatchEffect<E>, manager: EntityManager): Promise<void> {
    if (typeof effect === 'function') {
      for (const event of fresh) await effect(event, manager);
    } else if (fresh.length > 0) {
      await effect.batch(fresh, manager);
    }
  }

  async deadLetter(entry: Omit<DeadLetter, 'id' | 'createdAt'>): Promise<void> {
    await this.transaction((m) => m.insert(DeadLetter, { ...entry, createdAt: this.clock().toISOString() }));
  }

  async deadLetters(consumer: string): Promise<DeadLetter[]> {
    return this.dataSource.getRepository(DeadLetter).find({ where: { consumer }, order: { id: 'ASC' } });
  }

  /** Forgets what a consumer applied and where it stood, so it replays from the start (a rebuild). */
  async reset(consumer: string, manager?: EntityManager): Promise<void> {
    const run = async (m: EntityManager) => {
      await m.delete(InboxEntry, { consumer });
      await m.delete(ConsumerPosition, { consumer });
    };
    if (manager) await run(manager);
    else await this.transaction(run);
  }

  /** Drops inbox rows older than `before`: redeliveries come within minutes, not weeks. */
  async pruneInbox(before: Date): Promise<number> {
    const result = await this.transaction((m) =>
      m.createQueryBuilder().delete().from(InboxEntry).where('processed_at < :before', { before: before.toISOString() }).execute(),
    );
    return result.affected ?? 0;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The events of a batch, each id once (in the order it first came); the batch itself when no id repeats. */
function distinctEvents<E extends { readonly eventId: string }>(events: readonly E[]): readonly E[] {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.eventId)) {
      const once = new Set<string>();
      return events.filter((e) => !once.has(e.eventId) && once.add(e.eventId));
    }
    seen.add(event.eventId);
  }
  return events;
}

/** A batch's plain inbox INSERT met a row already there: some of its events were applied before. */
class RepeatedDeliveryError extends Error {
  constructor(override readonly cause: unknown) {
    super('an event of the batch is in the inbox already');
  }
}

/** PostgreSQL's unique violation becomes a RepeatedDeliveryError; anything else is passed on as it is. */
function asRepeatedDelivery(error: unknown): never {
  throw (error as { code?: unknown })?.code === '23505' ? new RepeatedDeliveryError(error) : error;
}
