import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { pgArrayLiteral, statementChunks } from '@gongzhi/persistence';
import type { Dimensions } from './daily-counter';

type CounterRow = [day: string, metric: string, dimension: string, key: string, value: number];

const sortedKeys = (map: ReadonlyMap<string, unknown>) => [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Rows per VALUES statement (SQLite): five parameters each. */
const ROWS_PER_STATEMENT = 512;
/** Rows per statement where each column goes as one array parameter (PostgreSQL). */
const ROWS_PER_ARRAY_STATEMENT = 10_000;

/**
 * The counter additions of a whole batch, summed in memory and written with one atomic upsert per row
 * (`value = value + …`), in key order so two consumers writing the same rows never deadlock. The rows are
 * those addToCounters would touch event by event: one per non-zero delta, with the same sums.
 */
export class CounterDeltas {
  /**
   * Day → dimension → key → metric → its row. Nested maps look each part up as the string it already is, where one
   * map would build (and hash) a joined key per dimension of every event.
   */
  private readonly counters = new Map<string, Map<string, Map<string, Map<string, CounterRow>>>>();

  add(day: string, dimensions: Dimensions, deltas: Readonly<Record<string, number>>): void {
    let byDimension: Map<string, Map<string, Map<string, CounterRow>>> | undefined;
    for (const [dimension, key] of dimensions) {
      if (key === null || key === undefined) continue;
      for (const metric in deltas) {
        const delta = deltas[metric];
        if (delta === 0) continue;
        if (!byDimension) {
          byDimension = this.counters.get(day);
          if (!byDimension) this.counters.set(day, (byDimension = new Map()));
        }
        let byKey = byDimension.get(dimension);
        if (!byKey) byDimension.set(dimension, (byKey = new Map()));
        let metrics = byKey.get(key);
        if (!metrics) byKey.set(key, (metrics = new Map()));
        const row = metrics.get(metric);
        if (row) row[4] += delta;
        else metrics.set(metric, [day, metric, dimension, key, delta]);
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
    // In the order of (day, dimension, key, metric), as every writer of the table takes its rows.
    const ordered: CounterRow[] = [];
    for (const day of sortedKeys(this.counters)) {
      const byDimension = this.counters.get(day)!;
      for (const dimension of sortedKeys(byDimension)) {
        const byKey = byDimension.get(dimension)!;
        for (const key of sortedKeys(byKey)) {
          const metrics = byKey.get(key)!;
          for (const metric of sortedKeys(metrics)) ordered.push(metrics.get(metric)!);
        }
      }
    }
    const upsert = `ON CONFLICT (day, metric, dimension, dim_key) DO UPDATE SET value = c.value + excluded.value`;
    if (postgres) {
      // One array per column: five parameters for thousands of rows, which PostgreSQL plans far faster than a
      // VALUES list of thousands of tuples (a rebuild writes millions of counter rows).
      for (let i = 0; i < ordered.length; i += ROWS_PER_ARRAY_STATEMENT) {
        const chunk = ordered.slice(i, i + ROWS_PER_ARRAY_STATEMENT);
        await manager.query(
          `INSERT INTO ${table} AS c (day, metric, dimension, dim_key, value) ` +
            `SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::double precision[]) ${upsert}`,
          [0, 1, 2, 3, 4].map((column) => pgArrayLiteral(chunk.map((row) => row[column]))),
        );
      }
      return;
    }
    // Power-of-two chunks: a few statements, prepared once each, serve batches of any size (see statementChunks).
    for (const [start, end] of statementChunks(ordered.length, ROWS_PER_STATEMENT)) {
      const chunk = ordered.slice(start, end);
      const values = chunk.map(() => '(?, ?, ?, ?, ?)');
      await manager.query(
        `INSERT INTO ${table} AS c (day, metric, dimension, dim_key, value) VALUES ${values.join(', ')} ${upsert}`,
        chunk.flat(),
      );
    }
  }
}
