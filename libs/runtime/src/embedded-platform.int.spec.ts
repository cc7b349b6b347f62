import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_PAGE_CACHE_KIB } from '@gongzhi/eventstore-sqlite';
import { openEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';
import type { ReadModelServiceDefinition, ServiceDefinition } from './service-definition';

const unused = () => {
  throw new Error('the platform opens databases only; no module is started here');
};
const owner: ServiceDefinition = { name: 'points', entities: [], migrations: [], module: unused };
const scanner: ReadModelServiceDefinition = {
  kind: 'read-model',
  name: 'figures',
  entities: [],
  migrations: [],
  embeddedPageCacheKib: 16_384,
  module: unused,
};

describe('the embedded platform', () => {
  let dir: string;
  let platform: EmbeddedPlatform;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-embedded-'));
    platform = await openEmbeddedPlatform(dir, [owner, scanner]);
  });
  afterAll(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a bounded page cache for a service's database, and the larger one a read model that scans asks for", async () => {
    const cacheOf = async (dataSource: { query(sql: string): Promise<Array<{ cache_size: number }>> }) =>
      (await dataSource.query('PRAGMA cache_size'))[0].cache_size;
    const journalOf = async (dataSource: { query(sql: string): Promise<Array<{ journal_mode: string }>> }) =>
      (await dataSource.query('PRAGMA journal_mode'))[0].journal_mode;

    const points = platform.infrastructure.get('points')!.dataSource;
    const figures = platform.readModels.get('figures')!.dataSource;
    expect(await cacheOf(points)).toBe(-SQLITE_PAGE_CACHE_KIB);
    expect(await cacheOf(figures)).toBe(-16_384);
    expect(await journalOf(points)).toBe('wal');
    expect(await journalOf(figures)).toBe('wal');
  });
});
