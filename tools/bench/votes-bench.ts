/**
 * npm run bench:votes [-- --seconds 10 --voters 128 --residents 10000 --postgres-only]
 *
 * Ballots per second through the full command path — the CastBallot handler: read and fold the topic,
 * check window, eligibility and option, write the secret ballot, decide and append the voter roll — with
 * 128 concurrent voters drawn from 10,000 residents of one topic (after each resident's first ballot, a
 * later one is a change). Not HTTP. First on the embedded default (SQLite store and database), then on
 * PostgreSQL (store and database), with the round trips and the CPU time each ballot costs: this process's,
 * and (on Linux) the server's, summed over the backends of the bench's database. On a shared machine the
 * ballots per second follow the neighbours' load; round trips and CPU per ballot much less. For PostgreSQL it
 * also says how many ballots shared each kind of round trip, and how often a ballot waited for a commit to reach
 * the disk (the server runs as PostgreSQL ships: fsync and synchronous_commit on). With more ballots per second
 * more of them are changes (a resident's second ballot, no roll append), so compare runs with the same
 * `--residents` in the box; `--residents 100000` keeps every ballot of a 10 s run a first one. Ends with the `votes_bench`
 * line (`--postgres-only`: no embedded run, `pg_bps` alone).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import { platformDataSource } from '@gongzhi/persistence';
import { systemClock, type EventStore } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { RUNTIME_ENTITIES, type EntityClass } from '@gongzhi/runtime';
import { deliberationService } from '../../services/deliberation/src/index';
import { openVotingRig, rigResident } from '../../services/deliberation/src/testing/voting-rig';
import { createDatabase, startPostgres } from '../../libs/testing/src/infra/postgres';
import { argNumber, runConcurrently, type LoadResult } from './bench-support';

const seconds = argNumber('seconds', 10);
// As many as the handler takes in at once: each voter waits for its answer before the next ballot, so fewer voters
// measure this loop (voters ÷ time per ballot), not how many ballots the service can take.
const voters = argNumber('voters', 128);
const residents = argNumber('residents', 10_000);
const OPTIONS = ['yes', 'no', 'abstain'];

const postgresOnly = process.argv.includes('--postgres-only');

/** Round trips to PostgreSQL (every query of the store's pool and of TypeORM goes through pg's Client), by kind. */
type Kind = 'topic read' | 'roll read' | 'box write' | 'roll append' | 'box flush' | 'other';
let roundTrips = 0;
const tripsOf: Record<Kind, number> = { 'topic read': 0, 'roll read': 0, 'box write': 0, 'roll append': 0, 'box flush': 0, other: 0 };
/** Commits whose answer waited for the disk (a box write that leaves its flush to the roll append does not). */
let durableCommits = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  roundTrips++;
  const kind = kindOf(args[0]);
  tripsOf[kind]++;
  if (kind === 'roll append' || kind === 'box flush') durableCommits++;
  if (kind === 'box write' && !textOf(args[0]).startsWith('SET LOCAL synchronous_commit = off')) durableCommits++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

function textOf(sql: unknown): string {
  return typeof sql === 'string' ? sql : ((sql as { text?: string } | null)?.text ?? '');
}

function kindOf(sql: unknown): Kind {
  // The statement's head names it; a box write runs to hundreds of kilobytes, not worth searching through.
  const text = textOf(sql).slice(0, 2_000);
  if (text.includes('append_to_stream')) return 'roll append';
  if (text.includes('INSERT INTO') && text.includes('deliberation_ballots')) return 'box write';
  if (text.includes('pg_logical_emit_message')) return 'box flush';
  if (text.includes('= ANY ($1)') && text.includes('stream_id')) return 'roll read';
  if (text.includes('current_version')) return 'topic read';
  return 'other';
}

/** CPU seconds used so far by the server processes serving `database` (Linux /proc; null elsewhere). */
function backendCpuSeconds(database: string): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks / 100; // USER_HZ
  } catch {
    return null;
  }
}

async function bench(label: string, store: EventStore, dataSource: DataSource, database?: string): Promise<LoadResult> {
  const rig = await openVotingRig(store, dataSource, systemClock);
  // Four days: the window must be at least three when the decider checks it, a moment after this clock was read.
  const topicId = await rig.openTopicForVoting(residents, 4);
  const before = roundTrips;
  const tripsBefore = { ...tripsOf };
  const durableBefore = durableCommits;
  const inBoxBefore = await rig.ballotBox.ballotCount(topicId);
  const cpuBefore = process.cpuUsage();
  const serverBefore = database ? backendCpuSeconds(database) : null;
  const result = await runConcurrently(voters, seconds, (worker, i) => {
    const n = ((i * voters + worker) % residents) + 1;
    return rig.cast(topicId, rigResident(n), OPTIONS[(n + i) % 3]);
  });
  const trips = roundTrips - before;
  const cpu = process.cpuUsage(cpuBefore);
  const serverAfter = database ? backendCpuSeconds(database) : null;
  const ballots = await rig.ballotBox.ballotCount(topicId);
  const perBallot = trips > 0 ? `, ${(trips / result.operations).toFixed(2)} PostgreSQL round trips per ballot` : '';
  const errors = result.errors > 0 ? `, ${result.errors} errors` : '';
  const perOperation = (seconds: number) => `${((seconds * 1e6) / result.operations).toFixed(0)} µs`;
  const server = serverBefore !== null && serverAfter !== null ? ` + ${perOperation(serverAfter - serverBefore)} in PostgreSQL` : '';
  console.log(
    `${label.padEnd(28)} ${result.perSecond.toFixed(0).padStart(7)} ballots/s  (${result.operations} in ${result.seconds.toFixed(1)} s, ${ballots} residents in the box${perBallot}${errors})`,
  );
  console.log(`${''.padEnd(28)} CPU per ballot: ${perOperation((cpu.user + cpu.system) / 1e6)} in this process${server}`);
  if (trips > 0) {
    const firstBallots = ballots - inBoxBefore;
    const shared = (kind: Kind, of: number) => {
      const n = tripsOf[kind] - tripsBefore[kind];
      return n === 0 ? `no ${kind}` : `${kind} ${(of / n).toFixed(1)}`;
    };
    console.log(
      `${''.padEnd(28)} ballots per round trip: ${shared('topic read', result.operations)}, ${shared('roll read', result.operations)}, ` +
        `${shared('box write', result.operations)}, ${shared('roll append', firstBallots)} (of ${firstBallots} first ballots); ` +
        `${tripsOf['box flush'] - tripsBefore['box flush']} box flushes, ${tripsOf.other - tripsBefore.other} other round trips`,
    );
    console.log(
      `${''.padEnd(28)} waits for the disk: ${((durableCommits - durableBefore) / result.operations).toFixed(2)} commits per ballot`,
    );
  }
  return result;
}

async function benchPostgres(adminUrl: string, entities: readonly EntityClass[]): Promise<LoadResult> {
  const url = await createDatabase(adminUrl, 'votes');
  const pgStore = await PostgresEventStore.connect({ connectionString: url, schema: 'deliberation_events', maxConnections: 20 });
  const pgDb = await platformDataSource({
    type: 'postgres',
    url,
    entities: [...entities],
    synchronize: true,
    extra: { max: 20 },
  }).initialize();
  try {
    return await bench('PostgreSQL', pgStore, pgDb, new URL(url).pathname.slice(1));
  } finally {
    await pgDb.destroy();
    await pgStore.close();
  }
}

async function main() {
  console.log(
    `votes bench: ${voters} concurrent voters, ${residents} residents, one topic, ${seconds} s per store, through the CastBallot handler`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-votes-'));
  const postgres = process.env.GONGZHI_BENCH_PG_URL ? undefined : await startPostgres();
  const adminUrl = process.env.GONGZHI_BENCH_PG_URL ?? postgres!.url();
  const entities = [...RUNTIME_ENTITIES, ...deliberationService.entities];
  try {
    if (postgresOnly) {
      const pg = await benchPostgres(adminUrl, entities);
      console.log(`votes_bench pg_bps=${pg.perSecond.toFixed(0)}`);
      return;
    }
    const sqliteStore = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const sqliteDb = await platformDataSource({
      type: 'better-sqlite3',
      database: join(dir, 'read.sqlite'),
      entities,
      synchronize: true,
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    }).initialize();
    const embedded = await bench('embedded (SQLite)', sqliteStore, sqliteDb);
    await sqliteDb.destroy();
    await sqliteStore.close();

    const pg = await benchPostgres(adminUrl, entities);

    console.log(`votes_bench embedded_bps=${embedded.perSecond.toFixed(0)} pg_bps=${pg.perSecond.toFixed(0)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await postgres?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
