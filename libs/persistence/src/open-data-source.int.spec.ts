import { randomUUID } from 'node:crypto';
import { Client, types } from 'pg';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { freshTestDatabase } from '@gongzhi/testing';
import { InstantColumn } from './instant-column';
import { openDataSource, type PlatformDataSource } from './open-data-source';

@Entity('instant_probes')
class InstantProbe {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 80 }) label!: string;
  @InstantColumn({ name: 'happened_at' }) happenedAt!: string;
  @InstantColumn({ name: 'checked_at', nullable: true }) checkedAt!: string | null;
}

async function rawClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('instants on PostgreSQL', () => {
  let url: string;
  let dataSource: PlatformDataSource;

  beforeAll(async () => {
    url = await freshTestDatabase('instants');
    dataSource = await openDataSource({ type: 'postgres', url, entities: [InstantProbe], synchronize: true });
  });
  afterAll(() => dataSource.destroy());

  it('keeps an instant column as timestamptz and hands the entity the ISO string it wrote', async () => {
    const id = randomUUID();
    await dataSource.getRepository(InstantProbe).save({ id, label: 'one', happenedAt: '2026-12-04T08:00:00.123Z', checkedAt: null });

    const [column] = await dataSource.query(
      `SELECT data_type FROM information_schema.columns WHERE table_name = 'instant_probes' AND column_name = 'happened_at'`,
    );
    expect(column.data_type).toBe('timestamp with time zone');
    expect(await dataSource.getRepository(InstantProbe).findOneByOrFail({ id })).toMatchObject({
      happenedAt: '2026-12-04T08:00:00.123Z',
      checkedAt: null,
    });
  });

  it('answers a time range by real time, where the same instants compared as text would answer wrongly', async () => {
    const probes = dataSource.getRepository(InstantProbe);
    const batch = randomUUID();
    // 09:00 in Shanghai is 01:00 UTC: earlier than 02:00 UTC, though its text sorts after it.
    await dataSource.query(`INSERT INTO instant_probes (id, label, happened_at) VALUES ($1, $2, $3), ($4, $5, $6)`, [
      randomUUID(),
      `${batch}:shanghai-morning`,
      '2026-12-04T09:00:00+08:00',
      randomUUID(),
      `${batch}:utc-two`,
      '2026-12-04T02:00:00.000Z',
    ]);

    const before = await probes
      .createQueryBuilder('p')
      .where('p.label LIKE :batch AND p.happenedAt < :cut', { batch: `${batch}:%`, cut: '2026-12-04T01:30:00.000Z' })
      .getMany();
    expect(before.map((p) => [p.label, p.happenedAt])).toEqual([[`${batch}:shanghai-morning`, '2026-12-04T01:00:00.000Z']]);
    expect('2026-12-04T09:00:00+08:00' < '2026-12-04T01:30:00.000Z').toBe(false); // what a text column would have compared
  });

  it('reads timestamps of a raw query as ISO strings, and leaves pg’s global parsers to the rest of the process', async () => {
    const [row] = await dataSource.query(`SELECT '2026-12-05 00:00:00+08'::timestamptz AS at, happened_at FROM instant_probes LIMIT 1`);
    expect(row.at).toBe('2026-12-04T16:00:00.000Z');
    expect(typeof row.happened_at).toBe('string');

    const client = await rawClient(url);
    try {
      const { rows } = await client.query(`SELECT '2026-12-05 00:00:00+08'::timestamptz AS at`);
      expect(rows[0].at).toBeInstanceOf(Date);
      expect(types.getTypeParser(1184, 'text')('2026-12-05 00:00:00+08')).toBeInstanceOf(Date);
    } finally {
      await client.end();
    }
  });

  it('converts a synchronised table that still keeps instants as text in place, losing none', async () => {
    const legacyUrl = await freshTestDatabase('instants_legacy');
    const client = await rawClient(legacyUrl);
    try {
      await client.query(
        `CREATE TABLE instant_probes (id varchar(36) PRIMARY KEY, label varchar(80) NOT NULL, happened_at varchar(32) NOT NULL, checked_at varchar(32) DEFAULT NULL)`,
      );
      await client.query(
        `INSERT INTO instant_probes VALUES ('a', 'kept', '2026-12-04T08:00:00.000Z', '2026-12-04T16:30:00+08:00'), ('b', 'empty', '2026-12-03T23:59:59.999Z', NULL)`,
      );
    } finally {
      await client.end();
    }

    const upgraded = await openDataSource({ type: 'postgres', url: legacyUrl, entities: [InstantProbe], synchronize: true });
    try {
      const rows = await upgraded.getRepository(InstantProbe).find({ order: { id: 'ASC' } });
      expect(rows.map((r) => [r.id, r.happenedAt, r.checkedAt])).toEqual([
        ['a', '2026-12-04T08:00:00.000Z', '2026-12-04T08:30:00.000Z'],
        ['b', '2026-12-03T23:59:59.999Z', null],
      ]);
    } finally {
      await upgraded.destroy();
    }
  });
});
