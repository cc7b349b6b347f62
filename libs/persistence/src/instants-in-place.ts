import type { DataSource } from 'typeorm';

/**
 * For a schema TypeORM synchronises on PostgreSQL (the issuer's, test stacks'): a column that still holds instants as
 * ISO text becomes `timestamptz` with its values kept. Left to TypeORM, a changed type is a dropped and re-added
 * column, and the instants in it would be lost. A schema built by migrations has its own (see docs/services.md).
 */
export async function convertTextInstantsInPlace(dataSource: DataSource): Promise<void> {
  const defaultSchema = (dataSource.options as { schema?: string }).schema;
  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.tableType === 'view') continue;
    const columns = metadata.columns.filter((column) => column.type === 'timestamptz' && !column.embeddedMetadata);
    if (columns.length === 0) continue;
    const schema = metadata.schema ?? defaultSchema;
    const rows: { column_name: string }[] = await dataSource.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = COALESCE($1, current_schema()) AND table_name = $2 AND column_name = ANY($3)
          AND data_type IN ('character varying', 'text', 'character')`,
      [schema ?? null, metadata.tableName, columns.map((column) => column.databaseName)],
    );
    const table = schema ? `"${schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
    for (const { column_name: name } of rows) {
      await dataSource.query(`ALTER TABLE ${table} ALTER COLUMN "${name}" DROP DEFAULT`);
      await dataSource.query(`ALTER TABLE ${table} ALTER COLUMN "${name}" TYPE timestamptz USING NULLIF("${name}", '')::timestamptz`);
    }
  }
}

/** The statement that turns one text instant column into `timestamptz`, keeping its instants (for a migration's `up`). */
export function instantColumnToTimestamptz(table: string, column: string): string {
  return `ALTER TABLE ${table} ALTER COLUMN "${column}" TYPE timestamptz USING NULLIF("${column}", '')::timestamptz`;
}

/**
 * The way back (a migration's `down`): the ISO-8601 UTC text the column held before, so a string comparison of two
 * values still orders them by time.
 */
export function instantColumnToText(table: string, column: string, length = 32): string {
  return `ALTER TABLE ${table} ALTER COLUMN "${column}" TYPE character varying(${length}) USING to_char("${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
