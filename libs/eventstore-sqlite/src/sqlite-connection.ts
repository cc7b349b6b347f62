/** What `tuneSqliteConnection` uses of a better-sqlite3 connection. */
export interface PragmaTarget {
  pragma(statement: string): unknown;
}

/**
 * How many pages the write-ahead log gathers before a commit copies them into the database file (SQLite's default is
 * 1,000). A page written again and again between two checkpoints (the log's latest pages, an index's hot leaves, a
 * consumer's position) is copied once per checkpoint, so fewer, larger checkpoints copy fewer pages: a quarter less
 * time in COMMIT under bench:http's mixed load. The log file grows to about 16 MB per database before it is reused.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 4_000;

/**
 * The page cache each connection keeps, in KiB. better-sqlite3 builds SQLite with 16 MB per connection, and the
 * embedded host opens a dozen databases: under bench:http that was about 100 MB of the host's ~390 MB resident set.
 * The pages a connection touches again and again (the log's last pages, hot index leaves, a projector's positions)
 * fit in 4 MB; any other page is a read from the kernel's file cache, which the machine shares and can reclaim.
 * Measured with the whole bench: the same requests per second, the resident set 60–70 MB lower.
 */
export const SQLITE_PAGE_CACHE_KIB = 4_096;

export interface SqliteConnectionTuning {
  /** The connection's page cache in KiB; `SQLITE_PAGE_CACHE_KIB` unless a database's queries scan more. */
  readonly pageCacheKib?: number;
}

/**
 * The settings every embedded SQLite connection runs with, event stores and read models alike: the write-ahead log,
 * commits that survive any process crash (only a power cut may undo the last few; `synchronous = NORMAL` in WAL
 * mode), a wait instead of an immediate "database is locked", fewer checkpoints, and a bounded page cache.
 */
export function tuneSqliteConnection(db: PragmaTarget, tuning: SqliteConnectionTuning = {}): void {
  const pageCacheKib = tuning.pageCacheKib ?? SQLITE_PAGE_CACHE_KIB;
  if (!Number.isInteger(pageCacheKib) || pageCacheKib <= 0)
    throw new RangeError(`pageCacheKib must be a positive whole number, not ${pageCacheKib}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // A negative cache_size is a size in KiB rather than a count of pages.
  db.pragma(`cache_size = -${pageCacheKib}`);
}
