import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { pgArrayColumn, pgArrayLiteral, selectRows, statementChunks } from '@gongzhi/persistence';

/** Ids per `IN` list, and rows per upsert: both well under PostgreSQL's 65,535 parameters. */
const IDS_PER_QUERY = 512;
const ROWS_PER_UPSERT = 256;
/** PostgreSQL's limit on a function's arguments, which unnest's arrays are. */
const MAX_UNNEST_COLUMNS = 100;

/**
 * One read-model table's rows for a batch of events: read in a few queries up front, looked up and changed in
 * memory while the batch's steps run in order, and the changed ones written back at the end with one upsert per
 * 500 rows, in key order (so two writers never deadlock). `get` hands out a copy, as a find would, so a step
 * that changes a row and then gives up leaves it as it was; `put` keeps the row as it would have been saved.
 */
export class BatchRows<Row extends ObjectLiteral> {
  private readonly rows = new Map<string, Row>();
  private readonly changed = new Set<string>();
  /** The properties that may hold an array (JSON columns), learnt from the table's metadata on load. */
  private arrayProperties: readonly string[] = [];

  constructor(
    private readonly entity: EntityTarget<Row> & (new () => Row),
    private readonly keyOf: (row: Row) => string,
    /** The primary key's properties, for the upsert's ON CONFLICT. */
    private readonly keyProperties: readonly (keyof Row & string)[],
  ) {}

  /**
   * Reads the stored rows whose `property` is one of `values`. PostgreSQL takes the values as one array
   * parameter: TypeORM spends time quadratic in the number of parameters on an `In` list.
   */
  async load(manager: EntityManager, property: keyof Row & string, values: Iterable<string>): Promise<this> {
    this.arrayProperties = manager.connection
      .getMetadata(this.entity)
      .columns.filter((c) => c.isArray || ['simple-json', 'simple-array', 'json', 'jsonb'].includes(String(c.type)))
      .map((c) => c.propertyName);
    const ids = [...new Set(values)];
    if (ids.length === 0) return this;
    const postgres = manager.connection.options.type === 'postgres';
    // PostgreSQL takes every id as one array; SQLite a list in power-of-two chunks, so a few statements serve any batch.
    for (const [start, end] of postgres ? [[0, ids.length] as const] : statementChunks(ids.length, IDS_PER_QUERY)) {
      const chunk = ids.slice(start, end);
      // Plain SQL built once per list length: the query builder's `In` took longer to write than SQLite to run.
      const found = await selectRows(
        manager,
        this.entity,
        `${property} in ${postgres ? 'array' : chunk.length}`,
        ({ column, param }) =>
          postgres ? `${column(property)} = ANY(${param(0)})` : `${column(property)} IN (${chunk.map((_, n) => param(n)).join(', ')})`,
        postgres ? [pgArrayLiteral(chunk)] : chunk,
      );
      for (const row of found) this.rows.set(this.keyOf(row), row);
    }
    return this;
  }

  get(key: string): Row | null {
    const row = this.rows.get(key);
    return row ? this.copy(row) : null;
  }

  /** The row itself, not a copy: for a caller that never changes what it is given. */
  peek(key: string): Row | null {
    return this.rows.get(key) ?? null;
  }

  /** Keeps a whole row as given, every column set: the caller hands it over and does not change it afterwards. */
  replace(row: Row): void {
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.changed.add(key);
  }

  /** Keeps the row as saved; the caller hands it over and does not change it afterwards. */
  put(row: Partial<Row>): void {
    const key = this.keyOf(row as Row);
    const before = this.rows.get(key);
    // A save of some columns keeps the others, as TypeORM's save does on a row that exists.
    this.rows.set(key, before ? Object.assign(new this.entity(), before, row) : Object.assign(new this.entity(), row));
    this.changed.add(key);
  }

  /**
   * Writes the changed rows: `INSERT … ON CONFLICT (key) DO UPDATE SET` every other column, in plain SQL with the
   * values as TypeORM would store them (transformers, JSON columns). TypeORM's own upsert spent time quadratic in
   * the number of parameters, the larger part of a batch's work. On PostgreSQL all of them go in one statement with
   * an array per column (`SELECT * FROM unnest($1::varchar[], …)`): a VALUES list of hundreds of rows was a new
   * statement of thousands of parameters for the server to parse and plan each time, and as many values for this
   * process to bind one by one.
   */
  async writeTo(manager: EntityManager): Promise<void> {
    if (this.changed.size === 0) return;
    const { driver } = manager.connection;
    const meta = manager.connection.getMetadata(this.entity);
    const postgres = manager.connection.options.type === 'postgres';
    const table = meta.tablePath
      .split('.')
      .map((part) => driver.escape(part))
      .join('.');
    const columns = meta.columns;
    const keyColumns = this.keyProperties.map((property) => meta.findColumnWithPropertyName(property)!);
    const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
    const conflict = keyColumns.map((c) => driver.escape(c.databaseName)).join(', ');
    const updates = columns
      .filter((c) => !keyColumns.includes(c))
      .map((c) => `${driver.escape(c.databaseName)} = EXCLUDED.${driver.escape(c.databaseName)}`)
      .join(', ');
    const onConflict = ` ON CONFLICT (${conflict}) ` + (updates ? `DO UPDATE SET ${updates}` : 'DO NOTHING');
    const rows = [...this.changed].sort().map((key) => this.rows.get(key)!);
    const arrays = postgres ? columns.map((column) => pgArrayColumn(manager, column)) : [];
    if (postgres && arrays.every((array) => array !== null) && columns.length <= MAX_UNNEST_COLUMNS) {
      const casts = arrays.map((array, i) => `$${i + 1}::${array!.cast}`).join(', ');
      await manager.query(
        `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts})${onConflict}`,
        arrays.map((array) => pgArrayLiteral(rows.map(array!.element))),
      );
      return;
    }
    for (const [start, end] of statementChunks(rows.length, ROWS_PER_UPSERT)) {
      const chunk = rows.slice(start, end);
      const parameters: unknown[] = [];
      const tuples = chunk.map((row) => {
        const placeholders = columns.map((column) => {
          const value = column.getEntityValue(row);
          parameters.push(value === undefined ? null : driver.preparePersistentValue(value, column));
          return postgres ? `$${parameters.length}` : '?';
        });
        return `(${placeholders.join(', ')})`;
      });
      await manager.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}${onConflict}`, parameters);
    }
  }

  /** A copy whose arrays are copies too (a step may push to them). */
  private copy(row: Row): Row {
    const copy = Object.assign(new this.entity(), row) as ObjectLiteral;
    for (const property of this.arrayProperties) if (Array.isArray(copy[property])) copy[property] = [...copy[property]];
    return copy as Row;
  }
}
