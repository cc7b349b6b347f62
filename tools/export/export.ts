/**
 * npm run export -- --since <YYYY-MM-DD> --out <folder> [--until <YYYY-MM-DD>] [--free-text]
 *
 * The analysts' export: daily partitions of cases, assignments, whistles, turnout, points and co-building
 * facts as Parquet and CSV, read from the event logs, with resident and staff ids replaced by a keyed pseudonym
 * and no free text unless --free-text is given. Days are the city's (GONGZHI_TIME_ZONE, Asia/Shanghai).
 *
 *   embedded (default)        GONGZHI_DATA_DIR (./.data): <dir>/<service>/events.sqlite, also while the platform runs
 *   GONGZHI_MODE=distributed  GONGZHI_PG_URL: each service's event store schema
 *
 * The pseudonym key: GONGZHI_EXPORT_PSEUDONYM_KEY, else (embedded) <dir>/export-pseudonym-key, made once (0600).
 * A partition is the same for the same log and key, so running the export again over the same days rewrites
 * the same files; a day's files are replaced whole (written aside, then renamed).
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publicEvents, SERVICE_NAMES, type ServiceName } from '@gongzhi/contracts';
import type { EventStore } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { schemaOf } from '@gongzhi/runtime';
import { cityDayOf, countTurnout, factOf, type Cell, type FactRow, type FactTable, type PublicEventLike } from './analytics-facts';

const USAGE = 'usage: npm run export -- --since <YYYY-MM-DD> --out <folder> [--until <YYYY-MM-DD>] [--free-text]';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 5_000;

interface Arguments {
  readonly since: string;
  readonly until: string | null;
  readonly out: string;
  readonly freeText: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const since = value('--since');
  const until = value('--until') ?? null;
  const out = value('--out');
  const problems = [
    ...(since && DAY.test(since) ? [] : ['--since: a day as YYYY-MM-DD (in the city’s time zone), e.g. --since 2026-11-01']),
    ...(until === null || DAY.test(until) ? [] : ['--until: a day as YYYY-MM-DD']),
    ...(out ? [] : ['--out: the folder to write the partitions to']),
  ];
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { since: since!, until, out: resolve(out!), freeText: argv.includes('--free-text') };
}

class UsageError extends Error {}

async function openStores(): Promise<{ stores: Map<ServiceName, EventStore>; dataDir: string | null }> {
  const stores = new Map<ServiceName, EventStore>();
  if ((process.env.GONGZHI_MODE ?? 'embedded').toLowerCase() === 'distributed') {
    const connectionString = process.env.GONGZHI_PG_URL;
    if (!connectionString) throw new UsageError('GONGZHI_PG_URL: the PostgreSQL of the distributed services is needed in distributed mode');
    for (const service of SERVICE_NAMES)
      stores.set(service, await PostgresEventStore.connect({ connectionString, schema: `${schemaOf(service)}_events` }));
    return { stores, dataDir: null };
  }
  const dataDir = resolve(process.env.GONGZHI_DATA_DIR ?? './.data');
  for (const service of SERVICE_NAMES) {
    const file = join(dataDir, service, 'events.sqlite');
    if (existsSync(file)) stores.set(service, SqliteEventStore.open(file));
  }
  if (stores.size === 0)
    throw new UsageError(`GONGZHI_DATA_DIR: no event store under ${dataDir}; point it at the data folder of npm start`);
  return { stores, dataDir };
}

function pseudonymKey(dataDir: string | null): Buffer {
  const configured = process.env.GONGZHI_EXPORT_PSEUDONYM_KEY;
  if (configured !== undefined) {
    if (configured.length < 32) throw new UsageError('GONGZHI_EXPORT_PSEUDONYM_KEY: at least 32 characters of secret');
    return Buffer.from(configured);
  }
  if (dataDir === null)
    throw new UsageError(
      'GONGZHI_EXPORT_PSEUDONYM_KEY: required in distributed mode (the same key gives the same pseudonyms in every export)',
    );
  const file = join(dataDir, 'export-pseudonym-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

async function* publicEventsOf(store: EventStore): AsyncGenerator<PublicEventLike> {
  for (let after = 0; ;) {
    const page = await store.readAll({ after, limit: PAGE });
    if (page.length === 0) return;
    for (const recorded of page) {
      const parsed = publicEvents.parse(recorded);
      if (parsed.kind === 'ok') yield { ...recorded, schemaVersion: parsed.event.schemaVersion, data: parsed.event.data };
    }
    after = page[page.length - 1].globalPosition;
  }
}

type Partitions = Map<FactTable, Map<string, FactRow[]>>;

function add(partitions: Partitions, table: FactTable, day: string, rows: FactRow[]): void {
  const byDay = partitions.get(table) ?? new Map<string, FactRow[]>();
  byDay.set(day, [...(byDay.get(day) ?? []), ...rows]);
  partitions.set(table, byDay);
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const timeZone = process.env.GONGZHI_TIME_ZONE ?? 'Asia/Shanghai';
  const { stores, dataDir } = await openStores();
  const options = { pseudonymKey: pseudonymKey(dataDir), timeZone, includeFreeText: args.freeText };
  const inRange = (day: string) => day >= args.since && (args.until === null || day <= args.until);
  const partitions: Partitions = new Map();
  try {
    for (const [service, store] of stores) {
      const ballots: PublicEventLike[] = [];
      for await (const event of publicEventsOf(store)) {
        if (!inRange(cityDayOf(event.occurredAt, timeZone))) continue;
        if (event.type === 'BallotCast' || event.type === 'BallotWithdrawn') ballots.push(event);
        const fact = factOf(service, event, options);
        if (fact) add(partitions, fact.table, fact.day, [fact.row]);
      }
      for (const [day, rows] of countTurnout(ballots, timeZone)) add(partitions, 'turnout', day, rows);
    }
  } finally {
    for (const store of stores.values()) await store.close();
  }

  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const written: { table: FactTable; day: string; rows: number }[] = [];
  for (const [table, byDay] of partitions) {
    for (const [day, rows] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
      const folder = join(args.out, table, `day=${day}`);
      const columns = columnsOf(rows);
      const parquet = Buffer.from(
        parquetWriteBuffer({
          columnData: columns.map(({ name, type }) => ({
            name,
            type,
            nullable: true,
            data: rows.map((row) => cast(row[name] ?? null, type)),
          })),
        }),
      );
      replaceFolder(folder, {
        [`${table}.parquet`]: parquet,
        [`${table}.csv`]: toCsv(
          columns.map((c) => c.name),
          rows,
        ),
      });
      written.push({ table, day, rows: rows.length });
    }
  }
  mkdirSync(args.out, { recursive: true });
  writeFileSync(
    join(args.out, '_manifest.json'),
    JSON.stringify(
      {
        since: args.since,
        until: args.until,
        timeZone,
        freeText: args.freeText,
        pseudonyms: {
          scheme: 'p_ + base64url(HMAC-SHA256(key, id))[0..22]',
          keyId: createHash('sha256').update(options.pseudonymKey).digest('hex').slice(0, 12),
        },
        partitions: written,
      },
      null,
      2,
    ),
  );
  for (const { table, day, rows } of written) console.log(`${table}/day=${day}: ${rows} rows`);
  console.log(`export: ${written.length} partitions, ${written.reduce((sum, p) => sum + p.rows, 0)} rows in ${args.out}`);
  return 0;
}

type ColumnType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN';

function columnsOf(rows: readonly FactRow[]): { name: string; type: ColumnType }[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) if (!seen.has(name) && (seen.add(name), true)) names.push(name);
  return names.map((name) => {
    const values = rows.map((row) => row[name]).filter((value): value is Exclude<Cell, null> => value !== null && value !== undefined);
    if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return { name, type: 'BOOLEAN' };
    if (values.length > 0 && values.every((v) => typeof v === 'number')) {
      const int32 = values.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31);
      return { name, type: int32 ? 'INT32' : 'DOUBLE' };
    }
    return { name, type: 'STRING' };
  });
}

function cast(value: Cell, type: ColumnType): Cell {
  if (value === null) return null;
  return type === 'STRING' ? String(value) : value;
}

function toCsv(columns: readonly string[], rows: readonly FactRow[]): string {
  const field = (value: Cell | undefined) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => field(row[c])).join(','))].join('\n') + '\n';
}

/** Writes the partition's files aside and swaps them in, so a reader never sees half a day. */
function replaceFolder(folder: string, files: Record<string, Buffer | string>): void {
  const aside = `${folder}.writing`;
  rmSync(aside, { recursive: true, force: true });
  mkdirSync(aside, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(aside, name), content);
  rmSync(folder, { recursive: true, force: true });
  renameSync(aside, folder);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
