import { Column, type ColumnOptions } from 'typeorm';

/**
 * The options an instant column may take; its type is the platform's choice, per database.
 * `length` only keeps the SQLite text width a column had before it was declared an instant (so an embedded
 * database is not rebuilt for it); a new column leaves it out. `transformer` only for an entity that reads a
 * `Date` rather than the ISO string (the issuer's), and is applied on top of the ISO string.
 */
export type InstantColumnOptions = Pick<ColumnOptions, 'name' | 'nullable' | 'default' | 'comment' | 'length' | 'transformer'>;

/** An ISO-8601 instant in UTC, as every entity reads and writes it: `2026-12-04T08:00:00.000Z`. */
export type Instant = string;

const instantProperties = new WeakMap<object, Set<string>>();

/**
 * A point in time. Entities always see an ISO-8601 UTC string; the database keeps it in its own time type where it
 * has one (PostgreSQL `timestamptz`, so SQL compares, truncates and subtracts real instants) and as sortable ISO text
 * where it has none (SQLite). The column is declared as text here, because a decorator runs before any database is
 * known; the data source adapts it when it builds its metadata (see `openDataSource`).
 */
export function InstantColumn(options: InstantColumnOptions = {}): PropertyDecorator {
  const declareColumn = Column('varchar', { length: 32, ...options });
  return (target, property) => {
    declareColumn(target, property);
    const properties = instantProperties.get(target.constructor) ?? new Set<string>();
    properties.add(String(property));
    instantProperties.set(target.constructor, properties);
  };
}

/** Whether the entity's property was declared with `@InstantColumn`. */
export function isInstantColumn(entity: object, property: string): boolean {
  return instantProperties.get(entity)?.has(property) ?? false;
}
