import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventuallyPasses } from '@gongzhi/testing';
import { BackgroundCheckpoints, FALLBACK_CHECKPOINT_PAGES } from './background-checkpoints';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = 4096;
const ROW = 'x'.repeat(2_000);

/** A database as the embedded platform opens one: WAL, and checkpoints of its own only past the fallback size. */
function openWriter(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return db;
}

/** One commit per row, as requests commit: 2,000 rows of 2 kB are about 1,000 pages, the size SQLite would checkpoint at. */
function writeRows(db: Database.Database, count: number): void {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < count; i++) insert.run(ROW);
}

describe('BackgroundCheckpoints', () => {
  it("copies a busy log into its database on its own thread, and the writer's commits never had to", async () => {
    const file = join(dir, 'busy.sqlite');
    const db = openWriter(file);
    writeRows(db, 2_000);
    // Nothing checkpointed yet: the rows are only in the log.
    expect(statSync(file).size).toBeLessThan(64 * PAGE);

    const checkpoints = new BackgroundCheckpoints({ intervalMs: 10 });
    checkpoints.watch(file);
    await eventuallyPasses(async () => expect(statSync(file).size).toBeGreaterThan(2_000 * ROW.length));

    writeRows(db, 500);
    await eventuallyPasses(async () => expect(statSync(file).size).toBeGreaterThan(2_500 * ROW.length));
    db.close();
    await checkpoints.close();

    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 2_500 });
    reopened.close();
  });

  it('keeps checkpointing every database it watches, each on its own schedule of writes', async () => {
    const files = ['a.sqlite', 'b.sqlite'].map((name) => join(dir, name));
    const writers = files.map(openWriter);
    const checkpoints = new BackgroundCheckpoints({ intervalMs: 10 });
    files.forEach((file) => checkpoints.watch(file));
    writeRows(writers[0], 1_000);
    writeRows(writers[1], 300);
    await eventuallyPasses(async () => {
      expect(statSync(files[0]).size).toBeGreaterThan(1_000 * ROW.length);
      expect(statSync(files[1]).size).toBeGreaterThan(300 * ROW.length);
    });
    writers.forEach((db) => db.close());
    await checkpoints.close();
  });

  it('says which database it cannot checkpoint, and goes on with the others', async () => {
    const errors: Array<[string, string]> = [];
    const checkpoints = new BackgroundCheckpoints({ intervalMs: 10, onError: (file, message) => errors.push([file, message]) });
    const missing = join(dir, 'never-created.sqlite');
    const file = join(dir, 'fine.sqlite');
    const db = openWriter(file);
    checkpoints.watch(missing);
    checkpoints.watch(file);
    writeRows(db, 300);
    await eventuallyPasses(async () => {
      expect(errors).toEqual([[missing, expect.stringMatching(/unable to open|does not exist/i)]]);
      expect(statSync(file).size).toBeGreaterThan(300 * ROW.length);
    });
    db.close();
    await checkpoints.close();
  });
});
