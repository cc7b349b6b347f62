import { In, type DataSource, type EntityManager } from 'typeorm';
import { ConsumerPosition, DeadLetter, InboxEntry } from './consumer-state.entities';

export interface BatchOutcome {
  readonly applied: number;
  readonly skipped: number;
}

const IN_CHUNK = 500;

/**
 * A consumer's inbox, positions and dead letters in a relational database (PostgreSQL or SQLite through
 * TypeORM). `processBatch` commits the effects, the inbox rows and the new position together, so a crash
 * either keeps all three or none, and a redelivery after it is recognised.
 */
export class ConsumerStateStore {
  private readonly serial: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource, private readonly clock: () => Date = () => new Date()) {
    // One SQLite connection cannot hold two transactions at once: take turns.
    this.serial = dataSource.options.type === 'better-sqlite3' || dataSource.options.type === 'sqlite';
  }

  async position(consumer: string, source: string): Promise<number | null> {
    const row = await this.dataSource.getRepository(ConsumerPosition).findOneBy({ consumer, source });
    return row?.position ?? null;
  }

  async savePosition(consumer: string, source: string, position: number, manager?: EntityManager): Promise<void> {
    const write = (m: EntityManager) =>
      m.upsert(ConsumerPosition, { consumer, source, position, updatedAt: this.clock().toISOString() }, ['consumer', 'source']);
    if (manager) await write(manager);
    else await this.transaction(write);
  }

  /**
   * Applies `effect` to each event of the batch that the consumer has not applied before, in order, in one
   * transaction with their inbox rows and (when given) the consumer's new position in `source`.
   */
  async processBatch<E extends { readonly eventId: string }>(
    consumer: string,
    events: readonly E[],
    effect: (event: E, manager: EntityManager) => Promise<void>,
    position?: { readonly source: string; readonly value: number },
  ): Promise<BatchOutcome> {
    return this.transaction(async (manager) => {
      const seen = new Set<string>();
      for (let i = 0; i < events.length; i += IN_CHUNK) {
        const ids = events.slice(i, i + IN_CHUNK).map((e) => e.eventId);
        const rows = await manager.find(InboxEntry, { select: { eventId: true }, where: { consumer, eventId: In(ids) } });
        rows.forEach((row) => seen.add(row.eventId));
      }
      const fresh: E[] = [];
      for (const event of events) {
        if (seen.has(event.eventId)) continue;
        seen.add(event.eventId); // the same event twice in one batch counts once too
        fresh.push(event);
      }
      for (const event of fresh) await effect(event, manager);
      const processedAt = this.clock().toISOString();
      for (let i = 0; i < fresh.length; i += IN_CHUNK) {
        await manager.insert(
          InboxEntry,
          fresh.slice(i, i + IN_CHUNK).map((e) => ({ consumer, eventId: e.eventId, processedAt })),
        );
      }
      if (position) await this.savePosition(consumer, position.source, position.value, manager);
      return { applied: fresh.length, skipped: events.length - fresh.length };
    });
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
