import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { freshTestDatabase } from '@gongzhi/testing';
import { InstantColumn } from './instant-column';
import { openDataSource } from './open-data-source';
import { findRow, findRows, insertRows, selectTuples, sqlNames, updateRows } from './plain-rows';

@Entity('plain_probes')
class Probe {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @PrimaryColumn('varchar', { length: 7 }) month!: string;
  @Column('varchar', { length: 80 }) label!: string;
  @Column('boolean', { default: false }) flagged!: boolean;
  @Column('int', { default: 0 }) count!: number;
  @Column('simple-json', { nullable: true }) tags!: string[] | null;
  @InstantColumn({ name: 'seen_at', nullable: true }) seenAt!: string | null;
}

const sqliteDir = mkdtempSync(join(tmpdir(), 'gongzhi-plain-rows-'));
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

const databases: Array<[string, () => Promise<DataSource>]> = [
  [
    'PostgreSQL',
    async () => openDataSource({ type: 'postgres', url: await freshTestDatabase('plain_rows'), entities: [Probe], synchronize: true }),
  ],
  [
    'SQLite',
    () => openDataSource({ type: 'better-sqlite3', database: join(sqliteDir, 'rows.sqlite'), entities: [Probe], synchronize: true }),
  ],
];

describe.each(databases)('plain rows on %s', (_, open) => {
  let dataSource: DataSource;
  beforeAll(async () => (dataSource = await open()));
  afterAll(() => dataSource.destroy());
  beforeEach(() => dataSource.getRepository(Probe).clear());

  const stored = (id: string, month = '2026-12') => dataSource.getRepository(Probe).findOneByOrFail({ id, month });
  const one = { id: 'a', month: '2026-12', label: '路灯', flagged: true, count: 2, tags: ['灯'], seenAt: '2026-12-05T01:02:03.456Z' };

  it('writes a row that TypeORM reads back as it was given, and reads it back the same itself', async () => {
    await insertRows(dataSource.manager, Probe, [one]);
    expect(await stored('a')).toEqual(Object.assign(new Probe(), one));
    expect(await findRow(dataSource.manager, Probe, { id: 'a', month: '2026-12' })).toEqual(await stored('a'));
  });

  it('leaves out columns it is not given, so the table default fills them', async () => {
    await insertRows(dataSource.manager, Probe, [{ id: 'b', month: '2026-12', label: 'x' }]);
    expect(await stored('b')).toMatchObject({ flagged: false, count: 0, tags: null, seenAt: null });
  });

  it('refuses a second row with the same key unless told what to do with it', async () => {
    await insertRows(dataSource.manager, Probe, [one]);
    await expect(insertRows(dataSource.manager, Probe, [{ ...one, label: 'again' }])).rejects.toThrow();
    expect((await stored('a')).label).toBe('路灯');
  });

  it('keeps, replaces or adds to a stored row as asked, leaving the columns it is not given', async () => {
    await insertRows(dataSource.manager, Probe, [one]);
    await insertRows(dataSource.manager, Probe, [{ ...one, label: 'kept?' }], { onConflict: 'keep' });
    expect((await stored('a')).label).toBe('路灯');
    await insertRows(dataSource.manager, Probe, [{ id: 'a', month: '2026-12', label: '换了', seenAt: null }], { onConflict: 'replace' });
    expect(await stored('a')).toMatchObject({ label: '换了', seenAt: null, flagged: true, count: 2, tags: ['灯'] });
    await insertRows(dataSource.manager, Probe, [{ id: 'a', month: '2026-12', label: '换了', count: 3 }], { onConflict: 'add' });
    await insertRows(dataSource.manager, Probe, [{ id: 'a', month: '2027-01', label: 'new month', count: 3 }], { onConflict: 'add' });
    expect((await stored('a')).count).toBe(5);
    expect((await stored('a', '2027-01')).count).toBe(3);
  });

  it('writes many rows in one call, over more than one statement when there are many', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ id: `r${i}`, month: '2026-12', label: `row ${i}`, count: i }));
    await insertRows(dataSource.manager, Probe, rows, { onConflict: 'replace' });
    expect(await dataSource.getRepository(Probe).count()).toBe(450);
    expect((await stored('r449')).count).toBe(449);
  });

  it('finds by equal columns and by NULL, and updates only the rows it matches', async () => {
    await insertRows(dataSource.manager, Probe, [one, { ...one, id: 'c', seenAt: null }]);
    expect((await findRows(dataSource.manager, Probe, { seenAt: null })).map((r) => r.id)).toEqual(['c']);
    await updateRows(dataSource.manager, Probe, { id: 'c', seenAt: null }, { flagged: false, seenAt: '2026-12-06T00:00:00.000Z' });
    await updateRows(dataSource.manager, Probe, { id: 'a', seenAt: null }, { label: 'not me: a was seen' });
    expect(await stored('c')).toMatchObject({ flagged: false, seenAt: '2026-12-06T00:00:00.000Z' });
    expect((await stored('a')).label).toBe('路灯');
    expect(await findRow(dataSource.manager, Probe, { id: 'nobody' })).toBeNull();
  });

  it('reads a select list as arrays in its order, with the values query gives for the same statement', async () => {
    await insertRows(dataSource.manager, Probe, [one, { ...one, id: 'b', label: '井盖', flagged: false, count: 7, seenAt: null }]);
    const { table, column, param } = sqlNames(dataSource.manager, Probe);
    const sql =
      `SELECT ${column('id')}, ${column('label')}, ${column('flagged')}, ${column('count')} AS visits, ${column('seenAt')} ` +
      `FROM ${table} WHERE ${column('month')} = ${param(0)} AND ${column('count')} >= ${param(1)} ORDER BY ${column('id')}`;
    const tuples = await selectTuples(dataSource, sql, ['2026-12', 2]);
    const objects = (await dataSource.query(sql, ['2026-12', 2])) as Record<string, unknown>[];
    expect(tuples).toEqual(objects.map((row) => Object.values(row)));
    expect(tuples.map(([id, label, , visits, seenAt]) => [id, label, visits, seenAt])).toEqual([
      ['a', '路灯', 2, '2026-12-05T01:02:03.456Z'],
      ['b', '井盖', 7, null],
    ]);
    expect(await selectTuples(dataSource, sql, ['2026-12', 3])).toEqual([tuples[1]]);
  });

  it('writes nothing half: a failing statement in a transaction leaves none of its rows', async () => {
    await insertRows(dataSource.manager, Probe, [one]);
    await expect(
      dataSource.transaction(async (manager) => {
        await insertRows(manager, Probe, [{ ...one, id: 'd' }]);
        await insertRows(manager, Probe, [one]);
      }),
    ).rejects.toThrow();
    expect(await findRow(dataSource.manager, Probe, { id: 'd', month: '2026-12' })).toBeNull();
  });

  it('stores batches of every size with a few distinct statements, all rows once', async () => {
    const texts = new Set<string>();
    const query = jest.spyOn(dataSource.manager, 'query');
    let stored = 0;
    for (let size = 1; size <= 300; size += 7) {
      const rows = Array.from({ length: size }, (_, i) => ({ id: `n${size}-${i}`, month: '2026-12', label: '批' }));
      await insertRows(dataSource.manager, Probe, rows);
      stored += size;
    }
    for (const [sql] of query.mock.calls) texts.add(String(sql));
    query.mockRestore();
    expect(await dataSource.getRepository(Probe).count()).toBe(stored);
    // One statement per power of two up to 128 rows, where one per batch size would be 43.
    expect(texts.size).toBeLessThanOrEqual(8);
  });
});
