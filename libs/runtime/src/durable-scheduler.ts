import { IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { Clock } from '@gongzhi/eventsourcing';
import { cachedSql } from '@gongzhi/persistence';
import { ScheduledCommand } from './scheduled-command.entity';

export type TimerHandler = (payload: unknown, timer: { id: string; dueAt: string }) => Promise<void>;

export interface DurableSchedulerOptions {
  readonly dataSource: DataSource;
  readonly clock: Clock;
  readonly handlers: Readonly<Record<string, TimerHandler>>;
  readonly pollIntervalMs?: number;
  /** Attempts before a failing timer is left alone (its last error kept for an operator). */
  readonly maxAttempts?: number;
  readonly onError?: (error: unknown, timerId: string) => void;
}

/**
 * Deadlines that survive restarts: stored when set, fired by polling against the injected clock, each
 * marked fired in the transaction after its handler succeeded. A crash between the two fires it again,
 * so handlers must be idempotent — which a decider gives for free (an overdue mark is refused twice).
 */
export class DurableScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(private readonly options: DurableSchedulerOptions) {}

  /**
   * Sets (or moves) a deadline. A timer that already fired stays fired. One statement: a timer set again keeps its
   * attempts and last error, and a cancelled one is set again.
   */
  async schedule(id: string, dueAt: Date, kind: string, payload: unknown, manager?: EntityManager): Promise<void> {
    if (!this.options.handlers[kind]) throw new Error(`No timer handler for kind ${kind}`);
    const m = manager ?? this.options.dataSource.manager;
    const sql = cachedSql(m, ScheduledCommand, 'schedule', ({ table, column, param }) => {
      const [idName, kindName, dueAtName, payloadName] = [column('id'), column('kind'), column('dueAt'), column('payload')];
      return (
        `INSERT INTO ${table} AS t (${idName}, ${kindName}, ${dueAtName}, ${payloadName}, ${column('attempts')}) ` +
        `VALUES (${param(0)}, ${param(1)}, ${param(2)}, ${param(3)}, 0) ON CONFLICT (${idName}) DO UPDATE SET ` +
        `${kindName} = EXCLUDED.${kindName}, ${dueAtName} = EXCLUDED.${dueAtName}, ${payloadName} = EXCLUDED.${payloadName}, ` +
        `${column('cancelledAt')} = NULL WHERE t.${column('firedAt')} IS NULL`
      );
    });
    await m.query(sql, [id, kind, dueAt.toISOString(), JSON.stringify(payload)]);
  }

  async cancel(id: string, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.options.dataSource.manager;
    const sql = cachedSql(
      m,
      ScheduledCommand,
      'cancel',
      ({ table, column, param }) =>
        `UPDATE ${table} SET ${column('cancelledAt')} = ${param(0)} WHERE ${column('id')} = ${param(1)} AND ${column('firedAt')} IS NULL`,
    );
    await m.query(sql, [this.options.clock.now().toISOString(), id]);
  }

  /** Fires every timer that is due now; returns how many fired. Tests call this after moving the clock. */
  fireDue(): Promise<number> {
    // One pass at a time, so a slow handler is never run twice concurrently by the poller.
    this.running = (this.running ?? Promise.resolve(0)).then(
      () => this.firePass(),
      () => this.firePass(),
    );
    return this.running;
  }

  private async firePass(): Promise<number> {
    const now = this.options.clock.now().toISOString();
    const maxAttempts = this.options.maxAttempts ?? 10;
    const repo = this.options.dataSource.getRepository(ScheduledCommand);
    const due = await repo.find({
      where: { firedAt: IsNull(), cancelledAt: IsNull(), dueAt: LessThanOrEqual(now) },
      order: { dueAt: 'ASC' },
      take: 200,
    });
    let fired = 0;
    for (const timer of due) {
      if (timer.attempts >= maxAttempts) continue;
      try {
        await this.options.handlers[timer.kind](JSON.parse(timer.payload), { id: timer.id, dueAt: timer.dueAt });
        await repo.update({ id: timer.id }, { firedAt: this.options.clock.now().toISOString(), attempts: timer.attempts + 1 });
        fired++;
      } catch (error) {
        this.options.onError?.(error, timer.id);
        await repo.update({ id: timer.id }, { attempts: timer.attempts + 1, lastError: String((error as Error)?.message ?? error) });
      }
    }
    return fired;
  }

  async pending(): Promise<ScheduledCommand[]> {
    return this.options.dataSource.getRepository(ScheduledCommand).find({
      where: { firedAt: IsNull(), cancelledAt: IsNull() },
      order: { dueAt: 'ASC' },
    });
  }

  start(): void {
    const interval = this.options.pollIntervalMs ?? 1_000;
    const tick = () => {
      this.fireDue()
        .catch((error) => this.options.onError?.(error, '*'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, interval);
        });
    };
    this.timer = setTimeout(tick, interval);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running?.catch(() => undefined);
  }
}
