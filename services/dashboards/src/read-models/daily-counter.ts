import { Column, PrimaryColumn, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { statementChunks } from '@gongzhi/persistence';

/**
 * A day × dimension × metric counter, in long form so one query shape serves every time series.
 * Each projector has its own table (a rebuild empties only its own); the columns are shared.
 * `dimension` is `city` (key `*`), `street`, `grid`, `category`, `department`, `community`, `rule` …
 */
export abstract class DailyCounter {
  /** The calendar day in the city's time zone, YYYY-MM-DD (sorts and compares as text). */
  @PrimaryColumn('varchar', { length: 10 })
  day!: string;

  @PrimaryColumn('varchar', { length: 40 })
  metric!: string;

  @PrimaryColumn('varchar', { length: 20 })
  dimension!: string;

  @PrimaryColumn('varchar', { name: 'dim_key', length: 120 })
  dimKey!: string;

  @Column('double precision')
  value!: number;
}

export const CITY = '*';

/** Which (dimension, key) pairs an event counts under, e.g. `[['city','*'], ['street','s-1']]`. */
export type Dimensions = ReadonlyArray<readonly [dimension: string, key: string | null | undefined]>;

/**
 * Adds to counters with one atomic upsert (`INSERT … ON CONFLICT DO UPDATE SET value = value + …`), which
 * PostgreSQL and SQLite both speak: two consumers of one group may touch the same row at once, and a
 * read-then-write would lose one of the additions.
 */
export async function addToCounters(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  day: string,
  dimensions: Dimensions,
  deltas: Readonly<Record<string, number>>,
): Promise<void> {
  const rows = new Map<string, [string, string, string, number]>();
  for (const [dimension, key] of dimensions) {
    if (key === null || key === undefined) continue;
    for (const [metric, delta] of Object.entries(deltas)) {
      if (delta === 0) continue;
      const id = `${metric}\u0000${dimension}\u0000${key}`;
      const row = rows.get(id);
      if (row) row[3] += delta;
      else rows.set(id, [metric, dimension, key, delta]);
    }
  }
  if (rows.size === 0) return;
  const connection = manager.connection;
  const postgres = connection.options.type === 'postgres';
  const table = connection
    .getMetadata(entity)
    .tablePath.split('.')
    .map((part) => connection.driver.escape(part))
    .join('.');
  const ordered = [...rows.values()];
  // Power-of-two chunks: a few statements, prepared once each, serve any number of counters (see statementChunks).
  for (const [start, end] of statementChunks(ordered.length, COUNTERS_PER_STATEMENT)) {
    let n = 0;
    const placeholder = () => (postgres ? `$${++n}` : '?');
    const values: string[] = [];
    const flat: unknown[] = [];
    for (const [metric, dimension, key, delta] of ordered.slice(start, end)) {
      values.push(`(${placeholder()}, ${placeholder()}, ${placeholder()}, ${placeholder()}, ${placeholder()})`);
      flat.push(day, metric, dimension, key, delta);
    }
    await manager.query(
      `INSERT INTO ${table} AS c (day, metric, dimension, dim_key, value) VALUES ${values.join(', ')} ` +
        `ON CONFLICT (day, metric, dimension, dim_key) DO UPDATE SET value = c.value + excluded.value`,
      flat,
    );
  }
}
const COUNTERS_PER_STATEMENT = 64;
