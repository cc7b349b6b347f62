import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_PAGE_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES, tuneSqliteConnection } from './sqlite-connection';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-sqlite-tuning-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settingsOf(db: Database.Database) {
  return {
    journal: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    busyTimeout: db.pragma('busy_timeout', { simple: true }),
    autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }),
    cacheSize: db.pragma('cache_size', { simple: true }),
  };
}

describe('tuneSqliteConnection', () => {
  it('gives a connection the write-ahead log, crash-safe commits, a wait on locks and a 4 MB page cache', () => {
    const db = new Database(join(dir, 'default.sqlite'));
    // better-sqlite3's own build keeps 16 MB of pages per connection.
    expect(db.pragma('cache_size', { simple: true })).toBe(-16_000);

    tuneSqliteConnection(db);

    expect(settingsOf(db)).toEqual({
      journal: 'wal',
      synchronous: 1, // NORMAL
      busyTimeout: 5000,
      autocheckpoint: WAL_AUTOCHECKPOINT_PAGES,
      cacheSize: -SQLITE_PAGE_CACHE_KIB,
    });
    expect(SQLITE_PAGE_CACHE_KIB).toBe(4_096);
    db.close();
  });

  it('keeps the larger cache a database asks for, and refuses a size that is not a positive whole number of KiB', () => {
    const db = new Database(join(dir, 'scanned.sqlite'));
    tuneSqliteConnection(db, { pageCacheKib: 16_384 });
    expect(db.pragma('cache_size', { simple: true })).toBe(-16_384);

    for (const pageCacheKib of [0, -5, 1.5, Number.NaN]) {
      expect(() => tuneSqliteConnection(db, { pageCacheKib })).toThrow(/pageCacheKib must be a positive whole number/);
    }
    // A refused size changed nothing.
    expect(db.pragma('cache_size', { simple: true })).toBe(-16_384);
    db.close();
  });
});
