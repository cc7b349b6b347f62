import type { ValueTransformer } from 'typeorm';

/**
 * Times are stored as ISO 8601 UTC text: the same column works on SQLite and PostgreSQL, sorts
 * correctly, and holds exactly the instant the injected clock gave.
 */
export const isoDate: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null)),
  from: (value: string | null) => (value === null ? null : new Date(value)),
};
