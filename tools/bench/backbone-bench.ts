/**
 * npm run bench:backbone [-- --events 200000 --seconds 60 --rate 1000 --partitions 3 --warmup 1
 *                            --projector batch|per-event --cpu-profile DIR]
 *
 * The distributed backbone end to end, on a real PostgreSQL server and a real Kafka broker (its own unless
 * GONGZHI_BENCH_PG_URL / GONGZHI_BENCH_KAFKA_BROKERS name running ones):
 *   1. relay: a PostgreSQL store pre-filled with N events, a KafkaRelay from checkpoint 0 until its
 *      checkpoint reaches the head (events/s);
 *   2. projector: a read model (a case row per stream and a per-category daily count, written through the
 *      consumer transaction's EntityManager) fed by KafkaEventBus from the start of that topic until all
 *      N are applied (events/s);
 *   3. lag: appends paced at --rate for --seconds while the relay and the projector run live; per event,
 *      the commit of its read-model transaction minus its append (its recordedAt), p50/p99.
 * Relays and projectors run for months, so 1 and 2 are measured warm: with --warmup 1 (the default) a first
 * relay and a first projector (their own checkpoint, topic and read-model database) make the same pass
 * before, and their cold figures are printed too. The bench, relay and projector share one Node.js process.
 * Ends with the `backbone_bench` line.
 */
import { Kafka, logLevel, type logCreator } from 'kafkajs';
import { Column, type DataSource, Entity, In, PrimaryColumn, type EntityManager } from 'typeorm';
import { platformDataSource } from '@gongzhi/persistence';
import { uuidv7, type NewEvent, type RecordedEvent, type SerialisedEvent } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import {
  cloudEventSource,
  acceptAll,
  ConsumerStateStore,
  KafkaEventBus,
  KafkaRelay,
  MESSAGING_ENTITIES,
  type BatchEffect,
  type ConsumerDefinition,
  type EventEffect,
} from '@gongzhi/messaging';
import { createDatabase, startPostgres } from '../../libs/testing/src/infra/postgres';
import { startKafka } from '../../libs/testing/src/infra/kafka';
import { argNumber } from './bench-support';
import { startProfile } from './cpu-profile';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const totalEvents = Math.round(argNumber('events', 200_000));
const steadySeconds = argNumber('seconds', 60);
const rate = argNumber('rate', 1000);
const partitions = Math.round(argNumber('partitions', 3));
const projectorMode = argString('projector', 'batch');
/** Writes a V8 CPU profile of each measured phase into this folder (open in Chrome DevTools). */
const profileDir = argString('cpu-profile', '');
const warmup = argString('warmup', '1') !== '0';
if (projectorMode !== 'batch' && projectorMode !== 'per-event') throw new Error('--projector takes batch or per-event');

const EVENTS_PER_STREAM = 10;
const PHASE_TIMEOUT_MS = 10 * 60_000;
const FILL_WRITERS = 8;
const STEADY_WRITERS = 8;

const CATEGORIES = [
  'road.pothole',
  'road.streetlight',
  'env.garbage',
  'env.noise',
  'env.smoke',
  'building.corridor-clutter',
  'building.illegal-construction',
  'traffic.illegal-parking',
  'market.street-vendor',
  'water.leak',
  'green.tree-damage',
  'safety.fire-exit',
];
const LIFECYCLE = [
  'CaseReported',
  'CaseAccepted',
  'CaseDispatched',
  'CaseAcknowledged',
  'CaseResolved',
  'CaseConfirmed',
  'CaseEvaluated',
  'CaseClosed',
];
const actor = { id: 'grid-worker-17', kind: 'user' as const, roles: ['grid_worker'] };

/** The read model: one row per case with its latest state, as a staff queue or a case timeline would read it. */
@Entity('bench_case_summary')
class CaseSummary {
  @PrimaryColumn('varchar', { name: 'stream_id', length: 200 })
  streamId!: string;

  @Column('varchar', { length: 64 })
  category!: string;

  @Column('varchar', { name: 'last_type', length: 64 })
  lastType!: string;

  @Column('int', { name: 'last_version' })
  lastVersion!: number;

  @Column('int')
  events!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

/** And a dashboard tile: events per category and day. */
@Entity('bench_category_daily')
class CategoryDaily {
  @PrimaryColumn('varchar', { length: 64 })
  category!: string;

  @PrimaryColumn('date')
  day!: string;

  @Column('int')
  events!: number;
}

type CaseData = { caseId: string; category: string; description: string; lat: number; long: number; step: number };

function caseEvent(streamIndex: number, step: number): NewEvent {
  return {
    type: LIFECYCLE[step % LIFECYCLE.length],
    data: {
      caseId: `c-${streamIndex}`,
      category: CATEGORIES[streamIndex % CATEGORIES.length],
      description: '路面坑洼，电动车容易摔倒，请尽快处理',
      lat: 31.2304 + (streamIndex % 100) / 1e4,
      long: 121.4737 + (streamIndex % 97) / 1e4,
      step,
    } satisfies CaseData,
    actor,
    correlationId: uuidv7(),
  };
}

/** Per event, as a first projector is written: read the case row, change it, save it, bump the daily count. */
async function applyOne(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const data = event.data as CaseData;
  const row = await manager.findOneBy(CaseSummary, { streamId: event.streamId });
  await manager.save(CaseSummary, {
    streamId: event.streamId,
    category: data.category,
    lastType: event.type,
    lastVersion: Math.max(row?.lastVersion ?? 0, event.streamVersion),
    events: (row?.events ?? 0) + 1,
    updatedAt: new Date(event.recordedAt),
  });
  await manager.query(
    `INSERT INTO bench_category_daily (category, day, events) VALUES ($1, $2, 1)
     ON CONFLICT (category, day) DO UPDATE SET events = bench_category_daily.events + 1`,
    [data.category, event.recordedAt.slice(0, 10)],
  );
}

/**
 * The same effect for a batch: one find of the batch's case rows, the changes folded in memory, one upsert;
 * the daily counts as one atomic increment per (category, day). A stream's events all come through one
 * partition, so no other member writes its case row meanwhile; the counters are shared, hence the
 * increment in SQL (in key order, so two members never deadlock).
 */
async function applyBatch(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  const ids = [...new Set(events.map((e) => e.streamId))];
  const rows = new Map<string, CaseSummary>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const row of await manager.findBy(CaseSummary, { streamId: In(ids.slice(i, i + 1000)) })) rows.set(row.streamId, row);
  }
  const counts = new Map<string, number>();
  for (const event of events) {
    const data = event.data as CaseData;
    const row = rows.get(event.streamId);
    rows.set(event.streamId, {
      streamId: event.streamId,
      category: data.category,
      lastType: event.type,
      lastVersion: Math.max(row?.lastVersion ?? 0, event.streamVersion),
      events: (row?.events ?? 0) + 1,
      updatedAt: new Date(event.recordedAt),
    });
    const key = `${data.category}|${event.recordedAt.slice(0, 10)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const changed = ids.map((id) => rows.get(id)!);
  for (let i = 0; i < changed.length; i += 1000) await manager.upsert(CaseSummary, changed.slice(i, i + 1000), ['streamId']);
  const keys = [...counts.keys()].sort();
  await manager.query(
    `INSERT INTO bench_category_daily (category, day, events)
     SELECT * FROM unnest($1::varchar[], $2::date[], $3::int[])
     ON CONFLICT (category, day) DO UPDATE SET events = bench_category_daily.events + excluded.events`,
    [keys.map((k) => k.split('|')[0]), keys.map((k) => k.split('|')[1]), keys.map((k) => counts.get(k)!)],
  );
}

function projector(name: string, topic: string): ConsumerDefinition<RecordedEvent> {
  return {
    name,
    topics: [topic],
    parser: acceptAll,
    handle: applyOne,
    handleBatch: projectorMode === 'batch' ? applyBatch : undefined,
  };
}

/** Counts what the projector committed and when: the commit time is when the consumer's transaction resolves. */
class MeasuringStateStore extends ConsumerStateStore {
  applied = 0;
  batches = 0;
  onCommitted?: (events: readonly RecordedEvent[], at: number) => void;

  override async processBatch<E extends { readonly eventId: string }>(
    consumer: string,
    events: readonly E[],
    effect: EventEffect<E> | BatchEffect<E>,
    position?: { readonly source: string; readonly value: number },
  ) {
    const applied: E[] = [];
    const counting: EventEffect<E> | BatchEffect<E> =
      typeof effect === 'function'
        ? (event, manager) => (applied.push(event), effect(event, manager))
        : { batch: (batch, manager) => (applied.push(...batch), effect.batch(batch, manager)) };
    const outcome = await super.processBatch(consumer, events, counting, position);
    const at = Date.now();
    this.batches++;
    this.applied += applied.length;
    this.onCommitted?.(applied as unknown as RecordedEvent[], at);
    return outcome;
  }
}

async function main() {
  console.log(
    `backbone bench: ${totalEvents} events, ${partitions} partitions, projector ${projectorMode}, steady ${rate}/s for ${steadySeconds} s`,
  );
  const postgres = process.env.GONGZHI_BENCH_PG_URL ? undefined : await startPostgres();
  const broker = process.env.GONGZHI_BENCH_KAFKA_BROKERS ? undefined : await startKafka();
  const adminUrl = process.env.GONGZHI_BENCH_PG_URL ?? postgres!.url();
  const brokers = process.env.GONGZHI_BENCH_KAFKA_BROKERS?.split(',') ?? broker!.brokers;
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const kafka = new Kafka({ clientId: `backbone-bench-${process.pid}`, brokers, logLevel: logLevel.ERROR, logCreator: quietLogs });
    const topic = `bench.backbone.${uuidv7()}`;
    const createTopic = async (name: string) => {
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
      await admin.disconnect();
    };
    await createTopic(topic);

    // The service side: its store and the relay's checkpoint in one database, as a service runs them.
    const storeUrl = await createDatabase(adminUrl, 'bench_store');
    const store = await PostgresEventStore.connect({ connectionString: storeUrl });
    cleanups.push(() => store.close());
    const serviceDb = await platformDataSource({
      type: 'postgres',
      url: storeUrl,
      entities: MESSAGING_ENTITIES,
      synchronize: true,
    }).initialize();
    cleanups.push(() => serviceDb.destroy());

    // The dashboards side: read model, inbox and positions in its own database (on the same server).
    const readModelDatabase = async (prefix: string) =>
      platformDataSource({
        type: 'postgres',
        url: await createDatabase(adminUrl, prefix),
        entities: [...MESSAGING_ENTITIES, CaseSummary, CategoryDaily],
        synchronize: true,
      }).initialize();
    const readDb = await readModelDatabase('bench_read');
    cleanups.push(() => readDb.destroy());

    // --- fill (not measured) ---
    const streams = Math.ceil(totalEvents / EVENTS_PER_STREAM);
    const fillStarted = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: FILL_WRITERS }, async () => {
        for (let s = next++; s < streams; s = next++) {
          const count = Math.min(EVENTS_PER_STREAM, totalEvents - s * EVENTS_PER_STREAM);
          await store.appendToStream(
            `case-${s}`,
            Array.from({ length: count }, (_, step) => caseEvent(s, step)),
          );
        }
      }),
    );
    const head = await store.headPosition();
    console.log(`fill: ${totalEvents} events in ${streams} streams in ${((Date.now() - fillStarted) / 1000).toFixed(1)} s (not measured)`);

    const relayState = new ConsumerStateStore(serviceDb);
    const relayHooks: { published?: (events: readonly SerialisedEvent[], at: number) => void } = {};
    /** A relay from checkpoint 0 into `into`, timed until its checkpoint reaches the head; it keeps running. */
    const runRelay = async (name: string, into: string, profile: string) => {
      let caughtUp!: (at: number) => void;
      const done = new Promise<number>((resolve) => (caughtUp = resolve));
      const relay = new KafkaRelay({
        name,
        store,
        kafka,
        topic: into,
        source: cloudEventSource('grid-events'),
        state: relayState,
        onError: (error) => console.error(`relay error: ${(error as Error).message}`),
        onPublished: (events) => {
          const at = Date.now();
          if (events[events.length - 1].globalPosition >= head) caughtUp(at);
          relayHooks.published?.(events, at);
        },
      });
      const profiling = await startProfile(profileDir, profile);
      const started = Date.now();
      await relay.start();
      cleanups.push(() => relay.stop());
      const ended = await within(done, `relay ${name} to reach the head`);
      await profiling.stop();
      const seconds = (ended - started) / 1000;
      return { relay, seconds, eps: totalEvents / seconds };
    };

    /** A projector from the start of `topic` into `db`, timed from its start until it has committed all N. */
    const runProjector = async (db: DataSource, name: string, from: string, profile: string) => {
      const state = new MeasuringStateStore(db);
      let firstCommit = 0;
      let caughtUp!: (at: number) => void;
      const done = new Promise<number>((resolve) => (caughtUp = resolve));
      state.onCommitted = (events, at) => {
        firstCommit ||= at;
        if (state.applied >= totalEvents) caughtUp(at);
      };
      const profiling = await startProfile(profileDir, profile);
      const started = Date.now();
      const consumer = await new KafkaEventBus({ kafka }).start(projector(name, from), {
        state,
        onError: (error) => console.error(`projector error: ${(error as Error).message}`),
      });
      cleanups.push(() => consumer.stop());
      const ended = await within(done, `projector ${name} to apply every event`);
      await profiling.stop();
      const seconds = (ended - started) / 1000;
      const rows = await db.getRepository(CaseSummary).count();
      const [{ n: counted }] = await db.query(`SELECT coalesce(sum(events), 0)::int AS n FROM bench_category_daily`);
      if (rows !== streams || counted !== totalEvents) {
        throw new Error(
          `read model is wrong: ${rows} case rows (expected ${streams}), ${counted} events counted (expected ${totalEvents})`,
        );
      }
      return { consumer, state, seconds, eps: totalEvents / seconds, startup: (firstCommit - started) / 1000, batches: state.batches };
    };

    // --- 1. relay ---
    if (warmup) {
      const warmTopic = `${topic}.warmup`;
      await createTopic(warmTopic);
      const cold = await runRelay('relay-bench-warmup', warmTopic, 'relay-warmup');
      await cold.relay.stop();
      console.log(`relay warm-up pass (cold):     ${fmt(cold.eps)} events/s  (${totalEvents} in ${cold.seconds.toFixed(2)} s)`);
    }
    const relay = await runRelay('relay-bench', topic, 'relay');
    console.log(`relay store → kafka:           ${fmt(relay.eps)} events/s  (${totalEvents} in ${relay.seconds.toFixed(2)} s)`);

    // --- 2. projector ---
    if (warmup) {
      const warmDb = await readModelDatabase('bench_warmup');
      try {
        const cold = await runProjector(warmDb, 'bench-case-projector-warmup', `${topic}.warmup`, 'projector-warmup');
        await cold.consumer.stop();
        console.log(
          `projector warm-up pass (cold): ${fmt(cold.eps)} events/s  (${totalEvents} in ${cold.seconds.toFixed(2)} s, ${cold.batches} batches)`,
        );
      } finally {
        await warmDb.destroy();
      }
    }
    const projected = await runProjector(readDb, 'bench-case-projector', topic, 'projector');
    console.log(
      `projector kafka → read model:  ${fmt(projected.eps)} events/s  (${totalEvents} in ${projected.seconds.toFixed(2)} s, ` +
        `${projected.batches} batches, first commit ${projected.startup.toFixed(2)} s after start)`,
    );
    const relayEps = relay.eps;
    const projectorEps = projected.eps;
    const state = projected.state;

    // --- 3. steady rate, lag ---
    const isSteady = (event: RecordedEvent) => (event.data as { steady?: boolean }).steady === true;
    const lags: number[] = [];
    const relayLags: number[] = [];
    state.onCommitted = (events, at) => {
      for (const event of events) if (isSteady(event)) lags.push(at - Date.parse(event.recordedAt));
    };
    // Steady-phase streams are numbered after the filled ones (case-<streams + k>).
    const isSteadyStream = (streamId: string) => Number(streamId.slice('case-'.length)) >= streams;
    relayHooks.published = (events, at) => {
      for (const event of events) if (isSteadyStream(event.streamId)) relayLags.push(at - Date.parse(event.recordedAt));
    };
    const steadyTotal = Math.round(rate * steadySeconds);
    const steadyStreams = 1000;
    const steadyProfile = await startProfile(profileDir, 'steady');
    const steadyStart = Date.now() + 100;
    let issued = 0;
    let appendErrors = 0;
    const appendLatencies: number[] = [];
    await Promise.all(
      Array.from({ length: STEADY_WRITERS }, async () => {
        for (let i = issued++; i < steadyTotal; i = issued++) {
          const due = steadyStart + (i * 1000) / rate;
          const wait = due - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const s = streams + (i % steadyStreams);
          const event = caseEvent(s, Math.floor(i / steadyStreams));
          const t0 = Date.now();
          try {
            await store.appendToStream(`case-${s}`, [{ ...event, data: { ...(event.data as object), steady: true } }]);
            appendLatencies.push(Date.now() - t0);
          } catch (error) {
            if (appendErrors++ === 0) console.error(`append error: ${(error as Error).message}`);
          }
        }
      }),
    );
    const steadyElapsed = (Date.now() - steadyStart) / 1000;
    await steadyProfile.stop();
    const expected = steadyTotal - appendErrors;
    const deadline = Date.now() + 60_000;
    while (lags.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    console.log(
      `steady: ${expected} appends in ${steadyElapsed.toFixed(1)} s (${(expected / steadyElapsed).toFixed(0)}/s, ` +
        `append p50 ${percentile(appendLatencies, 50)} ms p99 ${percentile(appendLatencies, 99)} ms), ${lags.length} applied`,
    );
    if (lags.length < expected) console.log(`  only ${lags.length} of ${expected} steady events reached the read model within 60 s`);
    console.log(`relay lag (append → broker ack + checkpoint): p50 ${percentile(relayLags, 50)} ms  p99 ${percentile(relayLags, 99)} ms`);
    console.log(
      `lag append → read model commit:  p50 ${percentile(lags, 50)} ms  p99 ${percentile(lags, 99)} ms  max ${percentile(lags, 100)} ms`,
    );
    console.log(
      `backbone_bench relay_eps=${relayEps.toFixed(0)} projector_eps=${projectorEps.toFixed(0)} lag_p99_ms=${percentile(lags, 99)}`,
    );
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await broker?.stop();
    await postgres?.stop();
  }
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** kafkajs errors, less the ones it retries by itself while a fresh broker creates its internal topics. */
const quietLogs: logCreator =
  () =>
  ({ level, log }) => {
    const text = `${log.message}${log.error ? `: ${log.error}` : ''}`;
    if (level <= logLevel.ERROR && !/coordinator (is loading|is not available)|not the correct coordinator/i.test(text)) {
      console.error(`kafkajs: ${text}`);
    }
  };

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), PHASE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function fmt(eps: number): string {
  return eps.toFixed(0).padStart(8);
}

function argString(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
