import type { ColumnMetadataArgs } from 'typeorm/metadata-args/ColumnMetadataArgs';
import { isInstantColumn } from './instant-column';

const TEXT_TYPES = new Set(['varchar', 'character varying', 'text', 'char', 'character', 'nvarchar', 'string']);
const TIME_TYPES = new Set(['timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'datetime']);
/** Wider than a date (`2026-12-04`) or a time of day (`08:30`), which are no instants. */
const DATE_OR_TIME_OF_DAY_LENGTH = 10;

/**
 * Whether a property's name says it holds a point in time: `reportedAt`, `lockedUntil`, `since`, or a deadline such
 * as `acknowledgeBy` or `checkInBy` (a verb's base form before `By`; `createdBy`, `bookedBy` name who did it).
 */
export function namesAnInstant(property: string): boolean {
  return /(At|Until|Since)$|^since$/.test(property) || (/By$/.test(property) && !/edBy$/.test(property));
}

/**
 * The columns that keep a point in time without `@InstantColumn`: a text column named as an instant, or a column
 * given a database time type by hand. Each would sort, compare and bucket as text on PostgreSQL, or bypass the
 * ISO string every entity sees.
 */
export function handMadeTimeColumns(columns: readonly ColumnMetadataArgs[]): string[] {
  return columns
    .filter((column) => typeof column.target === 'function' && !isInstantColumn(column.target, column.propertyName))
    .filter((column) => {
      const type = typeName(column.options.type);
      if (TIME_TYPES.has(type)) return true;
      const length = column.options.length === undefined ? undefined : Number(column.options.length);
      return TEXT_TYPES.has(type) && namesAnInstant(column.propertyName) && (length === undefined || length > DATE_OR_TIME_OF_DAY_LENGTH);
    })
    .map((column) => `${(column.target as { name: string }).name}.${column.propertyName}`);
}

function typeName(type: unknown): string {
  if (type === String) return 'string';
  if (type === Date) return 'datetime';
  return typeof type === 'string' ? type : '';
}
