import { Client } from 'pg';

/**
 * Creates a PostgreSQL schema when missing, safe when several processes start together (two replicas of one
 * service, say). `CREATE SCHEMA IF NOT EXISTS` alone is not: two sessions that both find the schema missing
 * both insert it, and the slower one fails on `pg_namespace`'s unique index. Here the creators take turns on
 * an advisory lock held for the transaction, so the second one finds the schema the first committed.
 */
export async function ensurePgSchema(pgUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: pgUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gongzhi-schema:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotePgIdentifier(schema)}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * A PostgreSQL identifier in double quotes, its own quotes doubled. Kept to this file: the event store has its own,
 * stricter `quoteIdent`, which refuses any name but lower-case letters, digits and _.
 */
function quotePgIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
