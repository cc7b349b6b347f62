import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { gridEventsService } from '@gongzhi/grid-events';
import { pointsService } from '@gongzhi/points';
import { eventuallyPasses, startTestApp } from '@gongzhi/testing';

/**
 * `npm run export` over a real embedded data folder: the files are read back by DuckDB (an independent
 * Parquet reader, in Python), their counts equal the event logs, and no resident id or free text is in them.
 */
const run = promisify(execFile);
const workspace = resolve(__dirname, '../..');
const subjectOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

interface ExportReading {
  tables: Record<string, { rows: number; csv_rows: number; days: string[]; columns: string[] }>;
  reporters: string[];
  points_holders: string[];
}

describe('the analytics export (npm run export)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-export-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes daily Parquet and CSV partitions that an independent reader counts as the logs do, pseudonymised and without free text', async () => {
    const app = await startTestApp([gridEventsService, pointsService], { dataDir });
    const resident = await app.tokenFor('resident');
    const gridWorker = await app.tokenFor('grid_worker');
    const words = ['人行道上有个大坑，老人容易绊倒', '楼道里堆满了杂物', '路灯坏了三天了'];
    const caseIds: string[] = [];
    for (const description of words) {
      const reported = await app.request('POST', '/api/cases', {
        token: resident,
        body: { categoryCode: 'city.road.pothole', description, location: { lat: 31.2385, long: 121.4778 } },
      });
      expect(reported.status).toBe(201);
      caseIds.push(reported.body.caseId);
    }
    for (const caseId of caseIds.slice(0, 2))
      expect((await app.request('POST', `/api/cases/${caseId}/accept`, { token: gridWorker, body: {} })).status).toBe(200);
    await eventuallyPasses(async () => expect((await app.request('GET', '/api/points/me', { token: resident })).body.balance).toBe(10));
    await app.close();

    const out = join(dataDir, 'export');
    const exported = await run(
      process.execPath,
      [join(workspace, 'tools/run-ts.mjs'), 'tools/export/export.ts', '--since', '2026-01-01', '--out', out],
      {
        cwd: workspace,
        env: { ...process.env, GONGZHI_DATA_DIR: dataDir },
      },
    );
    expect(exported.stdout).toMatch(/export: \d+ partitions, \d+ rows/);
    const { stdout } = await run(join(workspace, 'tools/export/read-export.sh'), [out], { timeout: 300_000 });
    const reading = JSON.parse(stdout) as ExportReading;

    const countOf = async (service: string) => {
      const store = SqliteEventStore.open(join(dataDir, service, 'events.sqlite'));
      const events = await store.readAll({ limit: 100_000 });
      await store.close();
      return events.length;
    };
    expect(reading.tables.cases.rows).toBe(await countOf('grid-events'));
    expect(reading.tables.points.rows).toBe(await countOf('points'));
    for (const table of Object.values(reading.tables)) expect(table.csv_rows).toBe(table.rows);
    expect(reading.tables.cases.columns).toEqual(
      expect.arrayContaining(['event_id', 'event_type', 'occurred_at', 'day', 'case_id', 'category_code', 'grid_id', 'reporter_id']),
    );
    expect(reading.tables.cases.columns).not.toContain('description');

    // One pseudonym for the one reporter, the same in the cases and in the points ledger.
    expect(reading.reporters).toHaveLength(1);
    expect(reading.reporters[0]).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
    expect(reading.points_holders).toEqual(reading.reporters);

    const everyFile = (folder: string): Buffer[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? everyFile(join(folder, entry.name)) : [readFileSync(join(folder, entry.name))],
      );
    const bytes = Buffer.concat(everyFile(out));
    expect(bytes.includes(subjectOf(resident))).toBe(false);
    expect(bytes.includes(subjectOf(gridWorker))).toBe(false);
    for (const description of words) expect(bytes.includes(Buffer.from(description))).toBe(false);
  }, 600_000);
});
