import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { freshTestDatabase } from '@gongzhi/testing';
import { InstantColumn } from './instant-column';
import { openDataSource } from './open-data-source';
import { pgArrayColumn, pgArrayLiteral } from './pg-arrays';

@Entity('array_probes')
class Probe {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('boolean', { nullable: true }) flagged!: boolean | null;
  @Column('int', { default: 0 }) count!: number;
  @Column('double precision', { nullable: true }) ratio!: number | null;
  @Column('simple-json', { nullable: true }) tags!: string[] | null;
  @InstantColumn({ name: 'seen_at', nullable: true }) seenAt!: string | null;
}

describe('array parameters on PostgreSQL', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDataSource({
      type: 'postgres',
      url: await freshTestDatabase('pg_arrays'),
      entities: [Probe],
      synchronize: true,
    });
  });
  afterAll(() => dataSource.destroy());

  it('gives the server back every text as it was, quotes, backslashes, braces, commas, blanks and NULL included', async () => {
    const texts = ['plain', 'say "hi"', 'C:\\path\\', '{a,b}', 'one, two', ' ', '', 'NULL', null, '街道 ✓'];
    const rows: Array<{ t: string | null }> = await dataSource.query('SELECT unnest($1::text[]) AS t', [pgArrayLiteral(texts)]);
    expect(rows.map((r) => r.t)).toEqual(texts);
    const plain: Array<{ t: string }> = await dataSource.query('SELECT unnest($1::varchar[]) AS t', [
      pgArrayLiteral(['a', 'b-1', '2026-12-05']),
    ]);
    expect(plain.map((r) => r.t)).toEqual(['a', 'b-1', '2026-12-05']);
  });

  it('writes rows through one array per column with the values TypeORM would have stored', async () => {
    const manager = dataSource.manager;
    const meta = dataSource.getMetadata(Probe);
    const probes: Probe[] = [
      Object.assign(new Probe(), {
        id: 'p1',
        flagged: true,
        count: 3,
        ratio: 0.25,
        tags: ['a "b"', 'c'],
        seenAt: '2026-12-04T08:00:00.123Z',
      }),
      Object.assign(new Probe(), { id: 'p2', flagged: null, count: 0, ratio: null, tags: null, seenAt: null }),
    ];
    const columns = meta.columns.map((column) => ({ column, array: pgArrayColumn(manager, column)! }));
    expect(columns.every((c) => c.array !== null)).toBe(true);
    await manager.query(
      `INSERT INTO array_probes (${columns.map((c) => `"${c.column.databaseName}"`).join(', ')}) ` +
        `SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.array.cast}`).join(', ')})`,
      columns.map((c) => pgArrayLiteral(probes.map(c.array.element))),
    );
    const stored = await dataSource.getRepository(Probe).find({ order: { id: 'ASC' } });
    expect(stored.map((p) => ({ ...p }))).toEqual(probes.map((p) => ({ ...p })));
  });
});
