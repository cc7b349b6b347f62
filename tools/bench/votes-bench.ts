/**
 * npm run bench:votes [-- --seconds 10 --voters 16 --residents 10000]
 *
 * Ballots per second through the full command path — the CastBallot handler: read and fold the topic,
 * check window, eligibility and option, write the secret ballot, decide and append the voter roll — with
 * 16 concurrent voters drawn from 10,000 residents of one topic (after each resident's first ballot, a
 * later one is a change). Not HTTP. First on the embedded default (SQLite store and database), then on
 * PostgreSQL (store and database). Ends with the `votes_bench` line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import { platformDataSource } from '@gongzhi/persistence';
import { systemClock, type EventStore } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { RUNTIME_ENTITIES } from '@gongzhi/runtime';
import { deliberationService } from '../../services/deliberation/src/index';
import { openVotingRig, rigResident } from '../../services/deliberation/src/testing/voting-rig';
import { createDatabase, startPostgres } from '../../libs/testing/src/infra/postgres';
import { argNumber, runConcurrently, type LoadResult } from './bench-support';

const seconds = argNumber('seconds', 10);
const voters = argNumber('voters', 16);
const residents = argNumber('residents', 10_000);
const OPTIONS = ['yes', 'no', 'abstain'];

/** Round trips to PostgreSQL (every query of the store's pool and of TypeORM goes through pg's Client). */
let roundTrips = 0;
const query = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

async function bench(label: string, store: EventStore, dataSource: DataSource): Promise<LoadResult> {
  const rig = await openVotingRig(store, dataSource, systemClock);
  // Four days: the window must be at least three when the decider checks it, a moment after this clock was read.
  const topicId = await rig.openTopicForVoting(residents, 4);
  const before = roundTrips;
  const result = await runConcurrently(voters, seconds, (worker, i) => {
    const n = ((i * voters + worker) % residents) + 1;
    return rig.cast(topicId, rigResident(n), OPTIONS[(n + i) % 3]);
  });
  const trips = roundTrips - before;
  const ballots = await rig.ballotBox.ballotCount(topicId);
  const perBallot = trips > 0 ? `, ${(trips / result.operations).toFixed(2)} PostgreSQL round trips per ballot` : '';
  const errors = result.errors > 0 ? `, ${result.errors} errors` : '';
  console.log(
    `${label.padEnd(28)} ${result.perSecond.toFixed(0).padStart(7)} ballots/s  (${result.operations} in ${result.seconds.toFixed(1)} s, ${ballots} residents in the box${perBallot}${errors})`,
  );
  return result;
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

    const url = await createDatabase(adminUrl, 'votes');
    const pgStore = await PostgresEventStore.connect({ connectionString: url, schema: 'deliberation_events', maxConnections: 20 });
    const pgDb = await platformDataSource({ type: 'postgres', url, entities, synchronize: true, extra: { max: 20 } }).initialize();
    const pg = await bench('PostgreSQL', pgStore, pgDb);
    await pgDb.destroy();
    await pgStore.close();

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
