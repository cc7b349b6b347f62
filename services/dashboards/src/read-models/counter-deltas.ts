import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Dimensions } from './daily-counter';

/** Rows per VALUES statement (SQLite): five parameters each. */
const ROWS_PER_STATEMENT = 1_000;
/** Rows per statement where each column goes as one array parameter (PostgreSQL). */
const ROWS_PER_ARRAY_STATEMENT = 10_000;

/**
 * The counter additions of a whole batch, summed in memory and written with one atomic upsert per row
 * (`value = value + …`), in key order so two consumers writing the same rows never deadlock. The rows are
 * those addToCounters would touch event by event: one per non-zero delta, with the same sums.
 */
export class CounterDeltas {
  /** Counter (day, dimension, key) → metric → its row: the metric names are few, so only the counter's key is built per event. */
  private readonly counters = new Map<string, Map<string, [day: string, metric: string, dimension: string, key: string, value: number]>>();

  add(day: string, dimensions: Dimensions, deltas: Readonly<Record<string, number>>): void {
    const metrics = Object.entries(deltas).filter(([, delta]) => delta !== 0);
    if (metrics.length === 0) return;
    for (const [dimension, key] of dimensions) {
      if (key === null || key === undefined) continue;
      const id = `${day}\u0000${dimension}\u0000${key}`;
      let counter = this.counters.get(id);
      if (!counter) this.counters.set(id, (counter = new Map()));
      for (const [metric, delta] of metrics) {
        const row = counter.get(metric);
        if (row) row[4] += delta;
        else counter.set(metric, [day, metric, dimension, key, delta]);
      }
    }
  }

  async writeTo(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<void> {
    if (this.counters.size === 0) return;
    const connection = manager.connection;
    const postgres = connection.options.type === 'postgres';
    const table = connection
      .getMetadata(entity)
      .tablePath.split('.')
      .map((part) => connection.driver.escape(part))
      .join('.');
    const ordered = [...this.counters.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, metrics]) => [...metrics.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row));
    const upsert = `ON CONFLICT (day, metric, dimension, dim_key) DO UPDATE SET value = c.value + excluded.value`;
    if (postgres) {
      // One array per column: five parameters for thousands of rows, which PostgreSQL plans far faster than a
      // VALUES list of thousands of tuples (a rebuild writes millions of counter rows).
      for (let i = 0; i < ordered.length; i += ROWS_PER_ARRAY_STATEMENT) {
        const chunk = ordered.slice(i, i + ROWS_PER_ARRAY_STATEMENT);
        await manager.query(
          `INSERT INTO ${table} AS c (day, metric, dimension, dim_key, value) ` +
            `SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::double precision[]) ${upsert}`,
          [0, 1, 2, 3, 4].map((column) => chunk.map((row) => row[column])),
        );
      }
      return;
    }
    for (let i = 0; i < ordered.length; i += ROWS_PER_STATEMENT) {
      const chunk = ordered.slice(i, i + ROWS_PER_STATEMENT);
      const values = chunk.map(() => '(?, ?, ?, ?, ?)');
      await manager.query(
        `INSERT INTO ${table} AS c (day, metric, dimension, dim_key, value) VALUES ${values.join(', ')} ${upsert}`,
        chunk.flat(),
      );
    }
  }
}
