import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { sqliteTurnsOf } from './sqlite-turns';
import { statementChunks } from './statement-sizes';

/**
 * A projector's everyday statements in plain SQL, built once per data source from the entity's metadata and then
 * only run: TypeORM's `save` reads the row before it writes it and reads it again afterwards for its defaults, and
 * its query builder spends more time composing a statement than SQLite spends running it. Values go through the
 * driver as TypeORM's own would (transformers, booleans, instants), so the rows are the same; the live path of a
 * projector writes one statement where `save` took three.
 */

/** What an insert does to a row whose key is already there. */
export type OnConflict =
  /** Fails, as a plain INSERT does. */
  | 'fail'
  /** Leaves the stored row as it is. */
  | 'keep'
  /** Sets the given columns, as `save` does on a row that exists. */
  | 'replace'
  /** Adds the given numbers to the stored ones (counters) and sets the other given columns; a new row starts from them. */
  | 'add';

export interface InsertRowsOptions<Row> {
  readonly onConflict?: OnConflict;
  /** The columns whose values identify a row, for `keep`, `replace` and `add`: the primary key unless given. */
  readonly conflictKey?: readonly (keyof Row & string)[];
}

/** Rows per statement: well under SQLite's and PostgreSQL's limits on parameters for any of the platform's tables. */
/** The most rows in one statement; fewer go in power-of-two chunks (see statementChunks). */
const ROWS_PER_STATEMENT = 128;

interface Shape {
  readonly table: string;
  readonly columns: ReadonlyMap<string, ColumnMetadata>;
  readonly primary: readonly string[];
  readonly postgres: boolean;
  readonly escape: (name: string) => string;
  readonly sql: Map<string, string>;
}

const shapes = new WeakMap<object, Map<unknown, Shape>>();

function shapeOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Shape {
  const connection = manager.connection;
  let perEntity = shapes.get(connection);
  if (!perEntity) shapes.set(connection, (perEntity = new Map()));
  const known = perEntity.get(entity);
  if (known) return known;
  const meta = connection.getMetadata(entity);
  const { driver } = connection;
  const escape = (name: string) => driver.escape(name);
  const shape: Shape = {
    table: meta.tablePath.split('.').map(escape).join('.'),
    columns: new Map(meta.columns.filter((c) => !c.isVirtual).map((c) => [c.propertyName, c])),
    primary: meta.primaryColumns.map((c) => c.propertyName),
    postgres: connection.options.type === 'postgres',
    escape,
    sql: new Map(),
  };
  perEntity.set(entity, shape);
  return shape;
}

function columnOf(shape: Shape, property: string): ColumnMetadata {
  const column = shape.columns.get(property);
  if (!column) throw new Error(`${shape.table} has no column for the property ${property}`);
  return column;
}

/**
 * The escaped names of an entity's table and columns, and the driver's n-th placeholder (from 0), for a caller that
 * writes a statement of its own: build its text once (see `cachedSql`) and run it with `manager.query`.
 */
export function sqlNames<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
): { readonly table: string; readonly column: (property: keyof Row & string) => string; readonly param: (index: number) => string } {
  const shape = shapeOf(manager, entity);
  return {
    table: shape.table,
    column: (property) => shape.escape(columnOf(shape, property).databaseName),
    param: (index) => placeholder(shape, index),
  };
}

/** A statement's text, built by `build` the first time this data source asks for it under `name` and kept. */
export function cachedSql<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  name: string,
  build: (names: ReturnType<typeof sqlNames<Row>>) => string,
): string {
  const shape = shapeOf(manager, entity);
  const key = `own|${name}`;
  let sql = shape.sql.get(key);
  if (!sql) {
    sql = build(sqlNames(manager, entity));
    shape.sql.set(key, sql);
  }
  return sql;
}

const NUMERIC_TYPES = new Set<unknown>([
  Number,
  'int',
  'integer',
  'int4',
  'int8',
  'smallint',
  'bigint',
  'real',
  'float',
  'double',
  'numeric',
  'decimal',
]);
const isNumeric = (column: ColumnMetadata) => NUMERIC_TYPES.has(column.type);

const placeholder = (shape: Shape, index: number) => (shape.postgres ? `$${index + 1}` : '?');

/** The value as TypeORM would bind it for the column. */
function persistent(manager: EntityManager, column: ColumnMetadata, row: ObjectLiteral): unknown {
  const value = column.getEntityValue(row);
  return value === undefined ? null : manager.connection.driver.preparePersistentValue(value, column);
}

/**
 * Inserts rows (every row with the same properties as the first), up to 128 in one statement, and does with a row
 * whose key exists what `onConflict` says (`fail` by default).
 */
export async function insertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: readonly Partial<Row>[],
  options: InsertRowsOptions<Row> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const shape = shapeOf(manager, entity);
  const properties = Object.keys(rows[0]).filter((p) => rows[0][p] !== undefined);
  const columns = properties.map((p) => columnOf(shape, p));
  const onConflict = options.onConflict ?? 'fail';
  const key = options.conflictKey ?? shape.primary;
  for (const [start, end] of statementChunks(rows.length, ROWS_PER_STATEMENT)) {
    const chunk = rows.slice(start, end);
    const text = `insert|${onConflict}|${key.join(',')}|${properties.join(',')}|${chunk.length}`;
    let sql = shape.sql.get(text);
    if (!sql) {
      sql = insertSql(shape, columns, chunk.length, onConflict, key);
      shape.sql.set(text, sql);
    }
    const parameters: unknown[] = [];
    for (const row of chunk) for (const column of columns) parameters.push(persistent(manager, column, row));
    await manager.query(sql, parameters);
  }
}

function insertSql(
  shape: Shape,
  columns: readonly ColumnMetadata[],
  count: number,
  onConflict: OnConflict,
  key: readonly string[],
): string {
  const names = columns.map((c) => shape.escape(c.databaseName));
  const tuples = Array.from(
    { length: count },
    (_, r) => `(${columns.map((_, c) => placeholder(shape, r * columns.length + c)).join(', ')})`,
  );
  const insert = `INSERT INTO ${shape.table} AS t (${names.join(', ')}) VALUES ${tuples.join(', ')}`;
  if (onConflict === 'fail') return insert;
  const conflict = key.map((p) => shape.escape(columnOf(shape, p).databaseName)).join(', ');
  const others = columns.filter((c) => !key.includes(c.propertyName)).map((c) => shape.escape(c.databaseName));
  if (onConflict === 'keep' || others.length === 0) return `${insert} ON CONFLICT (${conflict}) DO NOTHING`;
  const set = columns
    .filter((c) => !key.includes(c.propertyName))
    .map((c) => {
      const name = shape.escape(c.databaseName);
      return onConflict === 'add' && isNumeric(c) ? `${name} = t.${name} + EXCLUDED.${name}` : `${name} = EXCLUDED.${name}`;
    });
  return `${insert} ON CONFLICT (${conflict}) DO UPDATE SET ${set.join(', ')}`;
}

/**
 * Sets the columns in `change` on the rows whose columns equal `where` (a null matches NULL), as TypeORM's `update`
 * does, in one plain statement.
 */
export async function updateRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  where: Partial<Row>,
  change: Partial<Row>,
): Promise<void> {
  const shape = shapeOf(manager, entity);
  const set = Object.keys(change).filter((p) => change[p] !== undefined);
  if (set.length === 0) return;
  const properties = Object.keys(where).filter((p) => where[p] !== undefined);
  const text = `update|${set.join(',')}|${properties.map((p) => (where[p] === null ? `${p}:null` : p)).join(',')}`;
  let sql = shape.sql.get(text);
  if (!sql) {
    const assignments = set.map((p, i) => `${shape.escape(columnOf(shape, p).databaseName)} = ${placeholder(shape, i)}`);
    let index = set.length;
    const conditions = properties.map((p) => {
      const name = shape.escape(columnOf(shape, p).databaseName);
      return where[p] === null ? `${name} IS NULL` : `${name} = ${placeholder(shape, index++)}`;
    });
    sql = `UPDATE ${shape.table} SET ${assignments.join(', ')}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
    shape.sql.set(text, sql);
  }
  const parameters = [
    ...set.map((p) => persistent(manager, columnOf(shape, p), change)),
    ...properties.filter((p) => where[p] !== null).map((p) => persistent(manager, columnOf(shape, p), where)),
  ];
  await manager.query(sql, parameters);
}

/**
 * The rows whose columns equal `where` (a null matches NULL), as entities like TypeORM's `findBy` gives them,
 * read in one plain statement.
 */
export async function findRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row> & (new () => Row),
  where: Partial<Row>,
): Promise<Row[]> {
  const shape = shapeOf(manager, entity);
  const properties = Object.keys(where).filter((p) => where[p] !== undefined);
  const text = `find|${properties.map((p) => (where[p] === null ? `${p}:null` : p)).join(',')}`;
  let sql = shape.sql.get(text);
  if (!sql) {
    let index = 0;
    const conditions = properties.map((p) => {
      const name = shape.escape(columnOf(shape, p).databaseName);
      return where[p] === null ? `${name} IS NULL` : `${name} = ${placeholder(shape, index++)}`;
    });
    sql = `${selectList(shape)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
    shape.sql.set(text, sql);
  }
  const parameters = properties.filter((p) => where[p] !== null).map((p) => persistent(manager, columnOf(shape, p), where));
  const raw: ObjectLiteral[] = await manager.query(sql, parameters);
  return raw.map((record) => hydrate(manager, shape, entity, record));
}

/**
 * The rows a condition of the caller's own picks (`where` builds it once, from the escaped names, under `name`), as
 * entities like TypeORM's `find` gives them: for a search that `findRows`'s equalities cannot say (ranges, lists).
 */
export async function selectRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row> & (new () => Row),
  name: string,
  where: (names: ReturnType<typeof sqlNames<Row>>) => string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const shape = shapeOf(manager, entity);
  const sql = cachedSql(manager, entity, `select|${name}`, (names) => `${selectList(shape)} WHERE ${where(names)}`);
  const raw: ObjectLiteral[] = await manager.query(sql, [...parameters]);
  return raw.map((record) => hydrate(manager, shape, entity, record));
}

function selectList(shape: Shape): string {
  const names = [...shape.columns.values()].map((c) => `${shape.escape(c.databaseName)} AS ${shape.escape(c.propertyName)}`);
  return `SELECT ${names.join(', ')} FROM ${shape.table}`;
}

/** The first row `findRows` would give, or null. */
export async function findRow<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row> & (new () => Row),
  where: Partial<Row>,
): Promise<Row | null> {
  return (await findRows(manager, entity, where))[0] ?? null;
}

/** An entity from a raw record whose keys are the property names, each value as TypeORM hydrates it. */
function hydrate<Row extends ObjectLiteral>(manager: EntityManager, shape: Shape, entity: new () => Row, record: ObjectLiteral): Row {
  const row = new entity();
  const { driver } = manager.connection;
  for (const [property, column] of shape.columns) {
    if (!Object.hasOwn(record, property)) continue;
    column.setEntityValue(row, driver.prepareHydratedValue(record[property], column));
  }
  return row;
}

/** What `selectTuples` uses of better-sqlite3's connection and statements. */
interface SqliteConnection {
  prepare(sql: string): { raw(toggle: boolean): { all(...parameters: unknown[]): unknown[][] } };
}

/** Statements `selectTuples` prepared, per SQLite connection; a few hundred at most, oldest dropped first. */
const tupleStatements = new WeakMap<object, Map<string, { all(...parameters: unknown[]): unknown[][] }>>();
const TUPLE_STATEMENTS = 256;

/**
 * The rows of a SELECT as arrays of their values in the order of its select list, for a read that turns many rows
 * straight into an answer. On SQLite the statement is prepared once per connection and read in better-sqlite3's raw
 * mode: no object is built per row and TypeORM's query runner is not passed through (together about a third of the
 * statement's time on a list of fifty cases). Elsewhere (PostgreSQL) it is an ordinary `query`. Values are as `query`
 * gives them: booleans 0 and 1 on SQLite, booleans on PostgreSQL; a boolean parameter is bound as 0 or 1 on SQLite.
 * The select list names each column differently (PostgreSQL's rows are objects keyed by those names).
 */
export async function selectTuples(dataSource: DataSource, sql: string, parameters: readonly unknown[]): Promise<unknown[][]> {
  const connection = dataSource.options.type === 'better-sqlite3' ? sqliteConnectionOf(dataSource) : undefined;
  if (!connection) {
    const rows = (await dataSource.query(sql, [...parameters])) as ObjectLiteral[];
    return rows.map((row) => Object.values(row));
  }
  // The connection is TypeORM's: while another caller's transaction holds it, this read waits its turn, as a
  // `query` would, rather than read that transaction's uncommitted rows.
  const turns = sqliteTurnsOf(dataSource);
  if (turns && !turns.runsAtOnce()) return turns.statement(async () => readTuples(connection, sql, parameters));
  return readTuples(connection, sql, parameters);
}

function readTuples(connection: SqliteConnection, sql: string, parameters: readonly unknown[]): unknown[][] {
  let statements = tupleStatements.get(connection);
  if (!statements) tupleStatements.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = connection.prepare(sql).raw(true);
    statements.set(sql, statement);
    if (statements.size > TUPLE_STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  return statement.all(...parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
}

function sqliteConnectionOf(dataSource: DataSource): SqliteConnection | undefined {
  // Not yet open or closed again: `query` says so as TypeORM does.
  if (!dataSource.isInitialized) return undefined;
  return (dataSource.driver as { databaseConnection?: SqliteConnection }).databaseConnection;
}
