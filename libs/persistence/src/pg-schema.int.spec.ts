import { Client } from 'pg';
import { freshTestDatabase } from '@gongzhi/testing';
import { ensurePgSchema } from './pg-schema';

/** The schemas of one database, by name. */
async function schemasNamed(url: string, prefix: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 ORDER BY nspname', [
      `${prefix}%`,
    ]);
    return rows.map((row) => row.nspname);
  } finally {
    await client.end();
  }
}

describe('a service schema created by replicas starting together', () => {
  it('is created once, and no replica fails, when eight start at the same moment', async () => {
    const url = await freshTestDatabase('pg_schema');
    // Several rounds: the race of plain CREATE SCHEMA IF NOT EXISTS shows within a few.
    for (let round = 0; round < 5; round += 1) {
      const schema = `replicated_${round}`;
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => ensurePgSchema(url, schema)));
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    }
    expect(await schemasNamed(url, 'replicated_')).toEqual([0, 1, 2, 3, 4].map((round) => `replicated_${round}`));
  });

  it('takes a name with quotes and capitals as it is', async () => {
    const url = await freshTestDatabase('pg_schema');
    await ensurePgSchema(url, 'Odd "name"');
    await ensurePgSchema(url, 'Odd "name"');
    expect(await schemasNamed(url, 'Odd')).toEqual(['Odd "name"']);
  });
});
