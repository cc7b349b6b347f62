/**
 * npm run bench:store [-- --seconds 20 --writers 16]
 *
 * Single-event appends to distinct streams from concurrent writers, all on one real PostgreSQL server:
 * Gongzhi's PostgreSQL store, Emmett's PostgreSQL store, and a bare INSERT of the same row into a plain
 * table (the ceiling). Then Gongzhi's SQLite store. Ends with the `store_bench` line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { createDatabase, startPostgres } from '../../libs/testing/src/infra/postgres';
import { argNumber, report, runConcurrently } from './bench-support';

const seconds = argNumber('seconds', 20);
const writers = argNumber('writers', 16);
const POOL_SIZE = 20;

const payload = () => ({
  caseId: uuidv7(),
  category: 'road.pothole',
  description: '路面坑洼，电动车容易摔倒',
  lat: 31.2304,
  long: 121.4737,
});
const actor = { id: 'resident-42', kind: 'user' as const };

async function main() {
  console.log(`store bench: ${writers} writers, ${seconds} s per store, one event per append, a new stream each time`);
  const postgres = process.env.GONGZHI_BENCH_PG_URL ? undefined : await startPostgres();
  const adminUrl = process.env.GONGZHI_BENCH_PG_URL ?? postgres!.url();
  const sqliteDir = mkdtempSync(join(tmpdir(), 'gongzhi-bench-'));
  try {
    const gongzhiStore = await PostgresEventStore.connect({
      connectionString: await createDatabase(adminUrl, 'bench'),
      maxConnections: POOL_SIZE,
    });
    const gongzhi = await runConcurrently(writers, seconds, () =>
      gongzhiStore.appendToStream(`case-${uuidv7()}`, [{ type: 'CaseReported', data: payload(), actor, correlationId: uuidv7() }]),
    );
    await gongzhiStore.close();
    report('gongzhi postgres store', gongzhi);

    const emmettUrl = await createDatabase(adminUrl, 'bench');
    const emmettPool = new Pool({ connectionString: emmettUrl, max: POOL_SIZE });
    const emmettStore = getPostgreSQLEventStore(emmettUrl, {
      connectionOptions: { pooled: true, pool: emmettPool, connectionString: emmettUrl },
    });
    await emmettStore.appendToStream(`warmup-${uuidv7()}`, [{ type: 'Warmup', data: {} }]); // creates its schema
    const emmett = await runConcurrently(writers, seconds, () =>
      emmettStore.appendToStream(`case-${uuidv7()}`, [
        { type: 'CaseReported', data: payload(), metadata: { actor, correlationId: uuidv7() } },
      ]),
    );
    await emmettStore.close();
    await emmettPool.end().catch(() => undefined);
    report('emmett postgres store', emmett);

    const barePool = new Pool({ connectionString: await createDatabase(adminUrl, 'bench'), max: POOL_SIZE });
    await barePool.query(`CREATE TABLE events (
      global_position bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL, stream_version bigint NOT NULL,
      type text NOT NULL, schema_version int NOT NULL, data jsonb NOT NULL, correlation_id text NOT NULL, causation_id text,
      actor jsonb, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
    const bare = await runConcurrently(writers, seconds, () =>
      barePool.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, correlation_id, causation_id, actor, occurred_at)
         VALUES ($1, $2, 1, 'CaseReported', 1, $3, $4, NULL, $5, now())`,
        [uuidv7(), `case-${uuidv7()}`, JSON.stringify(payload()), uuidv7(), JSON.stringify(actor)],
      ),
    );
    await barePool.end();
    report('bare INSERT (ceiling)', bare);

    const sqliteStore = SqliteEventStore.open(join(sqliteDir, 'events.sqlite'));
    const sqlite = await runConcurrently(writers, seconds, () =>
      sqliteStore.appendToStream(`case-${uuidv7()}`, [{ type: 'CaseReported', data: payload(), actor, correlationId: uuidv7() }]),
    );
    await sqliteStore.close();
    report('gongzhi sqlite store', sqlite);

    const ratioEmmett = gongzhi.perSecond / emmett.perSecond;
    const ratioBare = gongzhi.perSecond / bare.perSecond;
    console.log(
      `store_bench pg_ratio_vs_emmett=${ratioEmmett.toFixed(2)} pg_ratio_vs_bare_insert=${ratioBare.toFixed(2)} sqlite_appends_per_s=${sqlite.perSecond.toFixed(0)}`,
    );
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
    await postgres?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
