import type { EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

/** An element of a one-dimensional array parameter: text, a number, a boolean, or NULL. */
export type PgArrayElement = string | number | boolean | null | undefined;

/**
 * A one-dimensional PostgreSQL array literal (`{"a","b",NULL}`), sent as one text parameter with a cast
 * (`unnest($1::varchar[])`). node-postgres turns a JS array into the same literal, but escapes and appends its
 * elements one at a time: a rebuild sends millions of them (inbox ids, counter rows), and that was an eighth of
 * what the process allocated. Here the usual array, with no NULL and nothing to escape, is one `join`.
 */
export function pgArrayLiteral(values: readonly PgArrayElement[]): string {
  if (values.length === 0) return '{}';
  let plain = true;
  for (const value of values) {
    if (value === null || value === undefined || (typeof value === 'string' && (value.includes('"') || value.includes('\\')))) {
      plain = false;
      break;
    }
  }
  if (plain) return `{"${values.join('","')}"}`;
  return `{${values.map((value) => (value === null || value === undefined ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** PostgreSQL's name of a column's type, as an array parameter's cast needs it; null for a type not listed. */
const ELEMENT_TYPES = new Map<string, string>([
  ['character varying', 'varchar'],
  ['character', 'bpchar'],
  ['text', 'text'],
  ['uuid', 'uuid'],
  ['integer', 'int4'],
  ['smallint', 'int2'],
  ['bigint', 'int8'],
  ['double precision', 'float8'],
  ['real', 'float4'],
  ['numeric', 'numeric'],
  ['boolean', 'bool'],
  ['timestamp with time zone', 'timestamptz'],
  ['timestamp without time zone', 'timestamp'],
  ['date', 'date'],
  ['json', 'json'],
  ['jsonb', 'jsonb'],
]);

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp']);

/**
 * How one column's values go into an array parameter on PostgreSQL: the cast (`varchar[]`) and each value as
 * TypeORM would bind it (transformers, booleans, JSON), as the element's text. Null for a column that cannot go
 * in one (a native array column, or a type not listed): the caller writes such a table another way.
 */
export function pgArrayColumn(
  manager: EntityManager,
  column: ColumnMetadata,
): { readonly cast: string; readonly element: (row: object) => PgArrayElement } | null {
  const { driver } = manager.connection;
  const type = column.isArray ? undefined : ELEMENT_TYPES.get(driver.normalizeType(column));
  if (!type) return null;
  // An instant that reaches the driver as ISO text in UTC goes as it is: TypeORM would make a Date of it, and
  // node-postgres text of that Date again, for the same instant.
  const instant = TIMESTAMP_TYPES.has(type);
  const { transformer } = column;
  return {
    cast: `${type}[]`,
    element: (row) => {
      const value: unknown = column.getEntityValue(row);
      if (value === undefined || value === null) return null;
      if (instant) {
        const text: unknown = transformer ? ApplyValueTransformers.transformTo(transformer, value) : value;
        if (typeof text === 'string' && text.endsWith('Z')) return text;
      }
      const prepared: unknown = driver.preparePersistentValue(value, column);
      if (prepared === null || prepared === undefined) return null;
      if (prepared instanceof Date) return prepared.toISOString();
      if (typeof prepared === 'object') return JSON.stringify(prepared);
      return prepared as string | number | boolean;
    },
  };
}
