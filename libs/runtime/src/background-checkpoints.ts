import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * How many pages a connection's write-ahead log may reach before that connection checkpoints it itself, on its own
 * thread (SQLite's default is 1,000): only when the background thread has stalled, so the log stays bounded (40 MB).
 */
export const FALLBACK_CHECKPOINT_PAGES = 10_000;

/** How often the background thread copies each log's new pages into its database; 250 ms by default. */
const DEFAULT_INTERVAL_MS = 250;

/**
 * The thread's whole program, in plain JavaScript so that it runs the same under ts-jest, swc and the compiled build.
 * It keeps a connection to each database it is given and, at each interval, runs a PASSIVE checkpoint on it: one that
 * never waits for, nor blocks, a reader or a writer of the other connections.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = new Map();
const failing = new Set();
parentPort.on('message', (message) => {
  if (message.watch && !open.has(message.watch)) {
    try {
      const db = new Database(message.watch, { fileMustExist: true });
      db.pragma('busy_timeout = 0');
      open.set(message.watch, db);
    } catch (error) {
      parentPort.postMessage({ file: message.watch, error: String(error && error.message || error) });
    }
  }
  if (message.close) {
    clearInterval(timer);
    for (const db of open.values()) db.close();
    open.clear();
    parentPort.close();
  }
});
const timer = setInterval(() => {
  for (const [file, db] of open) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      failing.delete(file);
    } catch (error) {
      if (!failing.has(file)) parentPort.postMessage({ file, error: String(error && error.message || error) });
      failing.add(file);
    }
  }
}, workerData.intervalMs);
`;

export interface BackgroundCheckpointsOptions {
  readonly intervalMs?: number;
  /** Told once when a database cannot be opened or checkpointed (and again after it recovers and fails anew). */
  readonly onError?: (file: string, message: string) => void;
}

/**
 * Checkpoints the embedded default's SQLite databases on a thread of their own. In WAL mode a commit only appends
 * pages to the log; every thousand pages, the committing connection copied the log back into the database and
 * synced both, 5 to 20 ms in the middle of a request, on the one thread that serves them all (a tenth of the host's
 * CPU under load, and most of its slowest answers). SQLite's documentation suggests exactly this instead: connections
 * that checkpoint only as a fallback (`FALLBACK_CHECKPOINT_PAGES`), and a separate thread that checkpoints often.
 * What a commit guarantees does not change: a process crash loses no commit, as before.
 */
export class BackgroundCheckpoints {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly watched = new Set<string>();

  constructor(options: BackgroundCheckpointsOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS },
      // A few connections and a timer: a small heap is plenty.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    this.worker.on('message', (message: { file: string; error: string }) => options.onError?.(message.file, message.error));
    this.worker.on('error', (error) => options.onError?.('(checkpoint thread)', error.message));
    this.exited = new Promise((done) => this.worker.once('exit', () => done()));
    // It must not keep a process alive that has nothing else to do.
    this.worker.unref();
  }

  /** Checkpoints this database (a file already created, in WAL mode) from now on. */
  watch(file: string): void {
    const path = resolve(file);
    if (this.watched.has(path)) return;
    this.watched.add(path);
    this.worker.postMessage({ watch: path });
  }

  /**
   * Closes the thread's connections and ends it. Call it after the other connections closed: the last connection to
   * close checkpoints the whole log and removes it.
   */
  async close(): Promise<void> {
    this.worker.postMessage({ close: true });
    await this.exited;
  }
}
