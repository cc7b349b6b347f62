/**
 * npm run bench:backbone [-- --events 200000 --seconds 60 --rate 1000 --partitions 3 --projector batch|per-event]
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
 * Ends with the `backbone_bench` line.
 */
import { Kafka, logLevel } from 'kafkajs';
import { Column, DataSource, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { uuidv7, type NewEvent, type RecordedEvent } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { acceptAll, ConsumerStateStore, KafkaEventBus, KafkaRelay, MESSAGING_ENTITIES, type ConsumerDefinition } from '@gongzhi/messaging';
import { createDatabase, startPostgres } from '../../libs/testing/src/infra/postgres';
import { startKafka } from '../../libs/testing/src/infra/kafka';
import { argNumber } from './bench-support';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const totalEvents = Math.round(argNumber('events', 200_000));
const steadySeconds = argNumber('seconds', 60);
const rate = argNumber('rate', 1000);
const partitions = Math.round(argNumber('partitions', 3));
const projectorMode = argString('projector', 'batch');
if (projectorMode !== 'batch' && projectorMode !== 'per-event') throw new Error('--projector takes batch or per-event');

const EVENTS_PER_STREAM = 10;
const FILL_WRITERS = 8;
const STEADY_WRITERS = 8;

const CATEGORIES = [
  'road.pothole', 'road.streetlight', 'env.garbage', 'env.noise', 'env.smoke', 'building.corridor-clutter',
  'building.illegal-construction', 'traffic.illegal-parking', 'market.street-vendor', 'water.leak', 'green.tree-damage',
  'safety.fire-exit',
];
const LIFECYCLE = ['CaseReported', 'CaseAccepted', 'CaseDispatched', 'CaseAcknowledged', 'CaseResolved', 'CaseConfirmed', 'CaseEvaluated', 'CaseClosed'];
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

/** Per event: read the case row, change it, save it (TypeORM's find + save), and bump the daily count. */
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

function projector(name: string, topic: string): ConsumerDefinition<RecordedEvent> {
  return { name, topics: [topic], parser: acceptAll, handle: applyOne };
}

/** Counts what the projector committed and when: the commit time is when the consumer's transaction resolves. */
class MeasuringStateStore extends ConsumerStateStore {
  applied = 0;
  onCommitted?: (events: readonly RecordedEvent[], at: number) => void;

  override async processBatch<E extends { readonly eventId: string }>(
    consumer: string,
    events: readonly E[],
    effect: Parameters<ConsumerStateStore['processBatch']>[2],
    position?: { readonly source: string; readonly value: number },
  ) {
    const applied: E[] = [];
    const counting = async (event: E, manager: EntityManager) => {
      applied.push(event);
      await (effect as (event: E, manager: EntityManager) => Promise<void>)(event, manager);
    };
    const outcome = await super.processBatch(consumer, events, counting, position);
    const at = Date.now();
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
    const kafka = new Kafka({ clientId: `backbone-bench-${process.pid}`, brokers, logLevel: logLevel.ERROR });
    const topic = `bench.backbone.${uuidv7()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
    await admin.disconnect();

    // The service side: its store and the relay's checkpoint in one database, as a service runs them.
    const storeUrl = await createDatabase(adminUrl, 'bench_store');
    const store = await PostgresEventStore.connect({ connectionString: storeUrl });
    cleanups.push(() => store.close());
    const serviceDb = await new DataSource({ type: 'postgres', url: storeUrl, entities: MESSAGING_ENTITIES, synchronize: true }).initialize();
    cleanups.push(() => serviceDb.destroy());

    // The dashboards side: read model, inbox and positions in its own database.
    const readUrl = await createDatabase(adminUrl, 'bench_read');
    const readDb = await new DataSource({
      type: 'postgres',
      url: readUrl,
      entities: [...MESSAGING_ENTITIES, CaseSummary, CategoryDaily],
      synchronize: true,
    }).initialize();
    cleanups.push(() => readDb.destroy());

    // --- fill (not measured) ---
    const streams = Math.ceil(totalEvents / EVENTS_PER_STREAM);
    let fillStarted = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: FILL_WRITERS }, async () => {
        for (let s = next++; s < streams; s = next++) {
          const count = Math.min(EVENTS_PER_STREAM, totalEvents - s * EVENTS_PER_STREAM);
          await store.appendToStream(`case-${s}`, Array.from({ length: count }, (_, step) => caseEvent(s, step)));
        }
      }),
    );
    const head = await store.headPosition();
    console.log(`fill: ${totalEvents} events in ${streams} streams in ${((Date.now() - fillStarted) / 1000).toFixed(1)} s (not measured)`);

    // --- 1. relay ---
    let relayDone!: (at: number) => void;
    const relayCaughtUp = new Promise<number>((resolve) => (relayDone = resolve));
    const relayPublished: Array<{ events: readonly RecordedEvent[]; at: number }> = [];
    let steadyRelayWatch = false;
    const relay = new KafkaRelay({
      name: 'relay-bench',
      store,
      kafka,
      topic,
      state: new ConsumerStateStore(serviceDb),
      onError: (error) => console.error(`relay error: ${(error as Error).message}`),
      onPublished: (events) => {
        const at = Date.now();
        if (events[events.length - 1].globalPosition >= head) relayDone(at);
        if (steadyRelayWatch) relayPublished.push({ events, at });
      },
    });
    const relayStarted = Date.now();
    await relay.start();
    cleanups.push(() => relay.stop());
    const relayEnded = await relayCaughtUp;
    const relaySeconds = (relayEnded - relayStarted) / 1000;
    const relayEps = totalEvents / relaySeconds;
    console.log(`relay store → kafka:           ${relayEps.toFixed(0).padStart(8)} events/s  (${totalEvents} in ${relaySeconds.toFixed(2)} s)`);

    // --- 2. projector ---
    const state = new MeasuringStateStore(readDb);
    let firstBatchAt = 0;
    let projectorDone!: (at: number) => void;
    const projectorCaughtUp = new Promise<number>((resolve) => (projectorDone = resolve));
    const lags: number[] = [];
    let measuringLag = false;
    state.onCommitted = (events, at) => {
      if (firstBatchAt === 0) firstBatchAt = at;
      if (state.applied >= totalEvents) projectorDone(at);
      if (!measuringLag) return;
      for (const event of events) if ((event.data as { steady?: boolean }).steady) lags.push(at - Date.parse(event.recordedAt));
    };
    const bus = new KafkaEventBus({ kafka });
    const projectorStarted = Date.now();
    const consumer = await bus.start(projector('bench-case-projector', topic), {
      state,
      onError: (error) => console.error(`projector error: ${(error as Error).message}`),
    });
    cleanups.push(() => consumer.stop());
    const projectorEnded = await projectorCaughtUp;
    const projectorSeconds = (projectorEnded - projectorStarted) / 1000;
    const projectorEps = totalEvents / projectorSeconds;
    console.log(
      `projector kafka → read model:  ${projectorEps.toFixed(0).padStart(8)} events/s  (${totalEvents} in ${projectorSeconds.toFixed(2)} s, ` +
        `first batch committed after ${((firstBatchAt - projectorStarted) / 1000).toFixed(2)} s)`,
    );
    const rows = await readDb.getRepository(CaseSummary).count();
    const counted = await readDb.query(`SELECT coalesce(sum(events), 0)::int AS n FROM bench_category_daily`);
    if (rows !== streams || counted[0].n !== totalEvents) {
      throw new Error(`read model is wrong: ${rows} case rows (expected ${streams}), ${counted[0].n} counted (expected ${totalEvents})`);
    }

    // --- 3. steady rate, lag ---
    measuringLag = true;
    steadyRelayWatch = true;
    const steadyTotal = Math.round(rate * steadySeconds);
    const steadyStreams = 1000;
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
    const expected = steadyTotal - appendErrors;
    const deadline = Date.now() + 60_000;
    while (lags.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const relayLags = relayPublished.flatMap(({ events, at }) =>
      events.filter((e) => (e.data as { steady?: boolean }).steady).map((e) => at - Date.parse(e.recordedAt)),
    );
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

function argString(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
