import { Between, Column, Entity, PrimaryColumn } from 'typeorm';
import { openDataSource, type PlatformDataSource } from './open-data-source';

@Entity('places')
class Place {
  @PrimaryColumn('varchar')
  id!: string;

  @Column('double precision')
  lat!: number;

  @Column('integer')
  visits!: number;

  @Column('varchar')
  label!: string;
}

describe('number parameters on SQLite', () => {
  let db: PlatformDataSource;
  beforeEach(async () => {
    db = await openDataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Place], synchronize: true });
  });
  afterEach(() => db.destroy());

  it('binds fractions, so two places far apart are asked for with the same statement', () => {
    const [north] = db.driver.escapeQueryWithParameters('SELECT * FROM places WHERE lat > :lat', { lat: 45.80381 });
    const [south, bound] = db.driver.escapeQueryWithParameters('SELECT * FROM places WHERE lat > :lat', { lat: 22.54311 });
    expect(north).toBe('SELECT * FROM places WHERE lat > ?');
    expect(south).toBe(north);
    expect(bound).toEqual([22.54311]);
  });

  it('still writes whole numbers in and keeps strings and the order of what is bound', () => {
    const [sql, bound] = db.driver.escapeQueryWithParameters('SELECT :label, :lat, :visits, :long, :ok', {
      label: '和谐社区',
      lat: 31.2304,
      visits: 3,
      long: 121.4737,
      ok: true,
    });
    expect(sql).toBe('SELECT ?, ?, 3, ?, ?');
    expect(bound).toEqual(['和谐社区', 31.2304, 121.4737, 1]);
  });

  it('stores and finds a place by its exact latitude', async () => {
    const repo = db.getRepository(Place);
    await repo.save({ id: 'p1', lat: 31.245595367904134, visits: 2, label: '南京东路' });
    await repo.save({ id: 'p2', lat: 31.3, visits: 5, label: '外滩' });
    const found = await repo.find({ where: { lat: Between(31.245595367904134, 31.25) } });
    expect(found).toEqual([{ id: 'p1', lat: 31.245595367904134, visits: 2, label: '南京东路' }]);
    expect(await repo.countBy({ lat: 31.245595367904134 })).toBe(1);
    expect((await repo.findOneByOrFail({ id: 'p2' })).visits).toBe(5);
  });
});
