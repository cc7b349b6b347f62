import { DataSource, type DataSourceOptions, type ObjectLiteral, type ValueTransformer } from 'typeorm';
import type { Driver } from 'typeorm/driver/Driver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { isInstantColumn } from './instant-column';
import { convertTextInstantsInPlace } from './instants-in-place';
import { instantTextTypes } from './pg-instant-text';
import { takeTurns } from './sqlite-turns';

/** What a `timestamptz` column hands the entity: the ISO string, whether pg gave a string or a `Date`. */
export const isoInstant: ValueTransformer = {
  to: (value: unknown) => (value instanceof Date ? value.toISOString() : value),
  from: (value: unknown) => {
    if (value === null || value === undefined) return value;
    const instant = value instanceof Date ? value : new Date(String(value));
    return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
  },
};

/**
 * The platform's TypeORM data source. On PostgreSQL every `@InstantColumn` is a `timestamptz` (the entity still sees
 * the ISO string), raw queries read timestamps as ISO strings too, and a synchronised schema converts a column that
 * still holds instants as text in place rather than dropping it. Elsewhere (SQLite) instants stay ISO text, and the
 * callers of the one connection take turns at it (see `SqliteTurns`).
 */
export class PlatformDataSource extends DataSource {
  constructor(options: DataSourceOptions) {
    super(options);
    if (options.type === 'better-sqlite3') {
      bindFractionsOf(this.driver);
      // One connection for every caller: a transaction that awaits must not take others' statements into it.
      takeTurns(this);
    }
  }

  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    if (!keepsTimestamptz(this.options)) return;
    for (const metadata of this.entityMetadatas) {
      for (const column of metadata.columns) {
        if (declaredInstant(column, metadata.target)) retypeAsTimestamptz(column);
      }
    }
  }

  override async synchronize(dropBeforeSync = false): Promise<void> {
    if (keepsTimestamptz(this.options) && !dropBeforeSync) await convertTextInstantsInPlace(this);
    await super.synchronize(dropBeforeSync);
  }
}

/**
 * TypeORM's SQLite drivers write every number parameter into the SQL text. For whole numbers that is harmless, but a
 * place's latitude and longitude differ on every report: each query with one was a new statement to prepare, and
 * pushed the statements every request shares out of the driver's cache. Fractions are bound as parameters instead
 * (the same REAL value SQLite would have parsed from the text); whole numbers are still written in, as before.
 */
export function bindFractionsOf(driver: Driver): void {
  type Escape = (sql: string, parameters: ObjectLiteral) => [string, unknown[]];
  const writeIn = driver.escapeQueryWithParameters.bind(driver) as Escape;
  driver.escapeQueryWithParameters = ((sql, parameters) => {
    if (!parameters) return writeIn(sql, parameters);
    const fractions = new Map<string, number>();
    let standIns: ObjectLiteral | undefined;
    for (const [key, value] of Object.entries(parameters)) {
      if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) continue;
      // A string stands in for the number, so TypeORM binds it; it is swapped back in the bound values below.
      const standIn = `\u0000fraction:${fractions.size}:${key}`;
      fractions.set(standIn, value);
      (standIns ??= { ...parameters })[key] = standIn;
    }
    if (!standIns) return writeIn(sql, parameters);
    const [text, bound] = writeIn(sql, standIns);
    return [text, bound.map((value) => (typeof value === 'string' && fractions.has(value) ? fractions.get(value) : value))];
  }) as Escape;
}

/** Opens (initialises) the platform's data source; see `PlatformDataSource`. */
export function openDataSource(options: DataSourceOptions): Promise<PlatformDataSource> {
  return platformDataSource(options).initialize() as Promise<PlatformDataSource>;
}

/** The platform's data source, not yet initialised (for a caller that initialises it later). */
export function platformDataSource(options: DataSourceOptions): PlatformDataSource {
  return new PlatformDataSource(withInstantText(options));
}

function withInstantText(options: DataSourceOptions): DataSourceOptions {
  if (options.type !== 'postgres') return options;
  return { ...options, extra: { ...options.extra, types: options.extra?.types ?? instantTextTypes } };
}

function keepsTimestamptz(options: DataSourceOptions): boolean {
  return options.type === 'postgres';
}

/** Declared on the column's class, or on a class the entity inherits it from. */
function declaredInstant(column: ColumnMetadata, entity: unknown): boolean {
  if (column.embeddedMetadata) return false;
  const owners = new Set<unknown>([column.target]);
  for (let type = entity; typeof type === 'function' && type !== Function.prototype; type = Object.getPrototypeOf(type)) owners.add(type);
  return [...owners].some((owner) => typeof owner === 'function' && isInstantColumn(owner, column.propertyName));
}

function retypeAsTimestamptz(column: ColumnMetadata): void {
  column.type = 'timestamptz';
  column.length = '';
  const declared = column.transformer === undefined ? [] : Array.isArray(column.transformer) ? column.transformer : [column.transformer];
  // Applied in order towards the database and in reverse from it: the instant's ISO string sits next to the database.
  column.transformer = declared.length === 0 ? isoInstant : [...declared, isoInstant];
}
