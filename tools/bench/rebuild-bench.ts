/**
 * npm run bench:rebuild [-- --events 1000000 --batch 2000 --cpu-profile DIR]   (or REBUILD_BENCH_EVENTS=20000 for a short run)
 *
 * Replays a city's events into the dashboards' read models on PostgreSQL, as `npm run rebuild -- all` does:
 * every projector's read model emptied, then its topics replayed from the start, the projectors side by side. The events are made first
 * (not measured) by the specs' CityScenario, so each one is contract-checked as a service would publish it:
 * cases through the closed loop (some rejected, some reopened), whistles with check-ins and evaluations,
 * council votes with their ballots, points awarded and redeemed. They go into a PostgreSQL event store per
 * service; the in-process bus tails those stores (Kafka adds no work a rebuild measures here). The read
 * database is another database of the same server (GONGZHI_BENCH_PG_URL names a running server, else one
 * is started). The npm script, like `npm run rebuild`, gives node a 64 MB young generation (--max-semi-space-size=64):
 * a batch's events live until its transaction commits, and with the default size they outlived the young generation
 * and were collected again as old objects, a sixth of the process's CPU. Ends with the `rebuild_bench` line, and the CPU seconds this process and (when the bench started
 * it) the PostgreSQL server spent on the rebuild: on a shared machine those say more than the wall time.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformDataSource } from '@gongzhi/persistence';
import { SERVICE_NAMES, TOPICS } from '@gongzhi/contracts';
import { ManualClock, type AppendOptions, type AppendResult, type EventStore, type NewEvent } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { ConsumerStateStore, InProcessEventBus, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { DashboardProjections } from '../../services/dashboards/src/dashboard-projections';
import { DASHBOARDS_ENTITIES } from '../../services/dashboards/src/read-models';
import { CityScenario } from '../../services/dashboards/src/testing/city-scenario';
import { createDatabase, startPostgres } from '../../libs/testing/src/infra/postgres';
import { argNumber } from './bench-support';
import { startProfile } from './cpu-profile';

const target = Math.round(argNumber('events', Number(process.env.REBUILD_BENCH_EVENTS ?? 1_000_000)));
const busBatch = Math.round(argNumber('batch', 2000));
/** Writes a V8 CPU profile of the measured rebuild into this folder (summarise with profile-summary.ts). */
const profileDir = argString('cpu-profile', '');
const APPEND_WRITERS = 4;

const STREETS = Array.from({ length: 12 }, (_, s) => `street-${s + 1}`);
const CATEGORIES = ['city.road.pothole', 'city.env.garbage', 'city.traffic.parking', 'city.market.vendor', 'city.water.leak'];
const DEPARTMENTS = ['dept-cg', 'dept-hb', 'dept-jj', 'dept-zj', 'dept-sw'];

/** Takes what the scenario appends, in order, per topic; written to the real stores afterwards in bulk. */
class CollectingStore {
  readonly appended: { streamId: string; events: NewEvent[] }[] = [];
  count = 0;

  async appendToStream(streamId: string, events: readonly NewEvent[], _options?: AppendOptions): Promise<AppendResult> {
    this.appended.push({ streamId, events: [...events] });
    this.count += events.length;
    return { streamVersion: 0, lastGlobalPosition: 0, written: events.length };
  }
}

/** One round of city life: about 120 events across the four services' topics. */
async function playRound(city: CityScenario, round: number): Promise<void> {
  const place = (n: number) => {
    const street = STREETS[n % STREETS.length];
    const community = `${street}-community-${n % 4}`;
    return { streetId: street, communityId: community, gridId: `${community}-grid-${n % 7}` };
  };
  const cases = Array.from({ length: 10 }, (_, i) => ({ id: `r${round}-c${i}`, n: round * 10 + i }));
  for (const { id, n } of cases) await city.reportCase(id, { ...place(n), categoryCode: CATEGORIES[n % CATEGORIES.length] });
  const rejected = cases.filter(({ n }) => n % 10 === 3);
  const handled = cases.filter(({ n }) => n % 10 !== 3);
  for (const { id } of rejected) await city.later({ minutes: 4 }).rejectCase(id);
  for (const { id } of handled) await city.later({ minutes: 2 }).acceptCase(id);
  for (const { id, n } of handled) await city.dispatchCase(id, { departmentId: n % 6 === 0 ? null : DEPARTMENTS[n % DEPARTMENTS.length] });
  for (const { id } of handled) await city.later({ minutes: 7 }).acknowledgeCase(id);
  for (const { id } of handled) await city.later({ minutes: 20 }).resolveCase(id);
  for (const { id, n } of handled) {
    if (n % 10 === 5) {
      await city.reopenCase(id);
      await city.later({ minutes: 30 }).resolveCase(id);
    }
  }
  for (const { id } of handled) await city.confirmCase(id);
  for (const { id, n } of handled) await city.evaluateCase(id, 1 + (n % 5));
  for (const { id } of handled) await city.closeCase(id);

  const whistle = `r${round}-w`;
  const summoned = [DEPARTMENTS[round % 5], DEPARTMENTS[(round + 1) % 5], DEPARTMENTS[(round + 2) % 5]];
  await city.blowWhistle(whistle, { streetId: STREETS[round % STREETS.length], departmentIds: summoned, caseId: cases[0].id });
  await city.later({ minutes: 10 }).checkIn(whistle, summoned[0]);
  await city.checkIn(whistle, summoned[1]);
  if (round % 4 === 0) await city.later({ minutes: 25 }).missCheckIn(whistle, summoned[2]);
  await city.checkIn(whistle, summoned[2], round % 4 === 0 ? 'street' : null);
  for (const department of summoned) await city.later({ minutes: 15 }).completeTask(whistle, department);
  await city.resolveWhistle(whistle);
  await city.evaluateDepartment(whistle, summoned[0], 4);

  // A council vote every 20 rounds, its ballots spread over the rounds in between.
  const vote = Math.floor(round / 20);
  const topic = `t${vote}`;
  const community = place(vote).communityId;
  if (round % 20 === 0) {
    await city.proposeTopic(topic, { communityId: community, proposerId: `resident-${vote}`, title: '加装电梯' });
    await city.screenTopic(topic);
    await city.openVoting(topic, { communityId: community, eligibleVoters: 400 });
  }
  for (let b = 0; b < 15; b++) await city.castBallot(topic, `resident-${(round % 20) * 15 + b}`, b === 0);
  if (round % 20 === 19) {
    await city.closeVoting(topic, { yes: 200, no: 100, eligibleVoters: 400 });
    await city.decideTopic(topic, 'adopted');
  }

  for (let p = 0; p < 12; p++) await city.awardPoints(`resident-${(round * 12 + p) % 5000}`, 5, { communityId: place(p).communityId });
  if (round % 3 === 0) await city.redeem(`resident-${(round * 12) % 5000}`, 5);
  if (round % 50 === 0) await city.depositHours(`resident-${round % 5000}`, 2);
  if (round % 10 === 0) {
    const project = `p${round}`;
    await city.startProject(project, { communityId: place(round).communityId, leaderId: `resident-${round % 5000}` });
    await city.joinTeam(project, `resident-${(round + 1) % 5000}`);
    await city.reportActivity(project, 8);
  }
  await city.later({ minutes: 30 });
}

/**
 * Writes what was collected, per topic, in windows of the order it was made: within a window each stream's
 * events go in one append and the streams are shared among a few writers (a stream's appends stay in order);
 * a window starts when the one before is stored, so what one stream's events follow on another's (a ballot
 * after its vote opened) stays that way, save inside one window.
 */
async function writeAll(collected: CollectingStore, store: EventStore): Promise<void> {
  const WINDOW = 400;
  for (let from = 0; from < collected.appended.length; from += WINDOW) {
    const merged = new Map<string, NewEvent[]>();
    for (const { streamId, events } of collected.appended.slice(from, from + WINDOW)) {
      const pending = merged.get(streamId);
      if (pending) pending.push(...events);
      else merged.set(streamId, [...events]);
    }
    const byWriter = Array.from({ length: APPEND_WRITERS }, () => [] as [string, NewEvent[]][]);
    for (const entry of merged) byWriter[hash(entry[0]) % APPEND_WRITERS].push(entry);
    await Promise.all(
      byWriter.map(async (mine) => {
        for (const [streamId, events] of mine) await store.appendToStream(streamId, events);
      }),
    );
  }
  collected.appended.length = 0;
}

/** Until the projector's position in each of its topics has reached that topic's head. */
async function untilReplayed(state: ConsumerStateStore, name: string, topics: readonly string[], stores: Record<string, EventStore>) {
  for (;;) {
    let behind = false;
    for (const topic of topics) {
      const head = await stores[topic].headPosition();
      if (head > ((await state.position(name, `log:${topic}`)) ?? 0)) behind = true;
    }
    if (!behind) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function argString(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}

/**
 * CPU seconds (user + system) of a PostgreSQL server this bench started: the postmaster, the backends it has
 * reaped, and those still running. Read from /proc (Linux); null elsewhere.
 */
function serverCpuSeconds(dataDir: string | undefined): number | null {
  if (!dataDir) return null;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'cluster', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const ticks = 100; // USER_HZ on Linux
    const stat = (pid: number | string) =>
      readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
    const own = stat(postmaster);
    // Fields after the command: state ppid … utime(11) stime(12) cutime(13) cstime(14), counted from state = 0.
    let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = stat(pid);
        if (Number(fields[1]) === postmaster) total += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone meanwhile
      }
    }
    return total / ticks;
  } catch {
    return null;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

async function main() {
  console.log(`rebuild bench: ${target} events into PostgreSQL stores, then every dashboards projector rebuilt (bus batch ${busBatch})`);
  const dataDir = process.env.GONGZHI_BENCH_PG_URL ? undefined : mkdtempSync(join(tmpdir(), 'gongzhi-rebuild-bench-'));
  const postgres = dataDir ? await startPostgres({ dataDir }) : undefined;
  const adminUrl = process.env.GONGZHI_BENCH_PG_URL ?? postgres!.url();
  const closers: Array<() => Promise<unknown>> = [];
  try {
    // --- make the events (not measured) ---
    const made = Date.now();
    const clock = new ManualClock(new Date('2025-01-06T00:30:00.000Z'));
    const collecting = Object.fromEntries(SERVICE_NAMES.map((s) => [TOPICS[s], new CollectingStore()])) as Record<string, CollectingStore>;
    const city = new CityScenario(collecting as unknown as Record<string, EventStore>, clock);
    const total = () => Object.values(collecting).reduce((n, c) => n + c.count, 0);
    let rounds = 0;
    while (total() < target) await playRound(city, rounds++);
    const storeUrl = await createDatabase(adminUrl, 'rebuild_events');
    const stores: Record<string, EventStore> = {};
    for (const service of SERVICE_NAMES) {
      const store = await PostgresEventStore.connect({ connectionString: storeUrl, schema: `${service.replace(/-/g, '_')}_events` });
      closers.push(() => store.close());
      stores[TOPICS[service]] = store;
      await writeAll(collecting[TOPICS[service]], store);
    }
    const events = total();
    console.log(
      `made: ${events} events in ${rounds} rounds (${Object.entries(collecting)
        .map(([topic, c]) => `${topic} ${c.count}`)
        .join(', ')}) in ${((Date.now() - made) / 1000).toFixed(1)} s (not measured)`,
    );

    // --- rebuild every projector (measured) ---
    const dataSource = await platformDataSource({
      type: 'postgres',
      url: await createDatabase(adminUrl, 'rebuild_read'),
      entities: [...MESSAGING_ENTITIES, ...DASHBOARDS_ENTITIES],
      synchronize: true,
    }).initialize();
    closers.push(() => dataSource.destroy());
    const state = new ConsumerStateStore(dataSource);
    // No `eventStores`: the dashboards take a store's head position for its event count, true of SQLite's
    // log but not of PostgreSQL's (positions follow transaction ids), so the bench waits for the heads itself.
    const projections = new DashboardProjections({
      dataSource,
      bus: new InProcessEventBus({ topics: stores, batchSize: busBatch }),
      state,
      clock,
      startProjectors: false,
    });
    closers.push(async () => {
      await projections.stop();
      projections.close();
    });
    const profiling = await startProfile(profileDir, 'rebuild');
    const cpuBefore = process.cpuUsage();
    const serverBefore = serverCpuSeconds(dataDir);
    const started = process.hrtime.bigint();
    await projections.rebuildAll(undefined, undefined, (name) => {
      const applied = projections.runner.appliedCount(name);
      const s = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(`  ${name.padEnd(28)} ${String(applied).padStart(8)} events, done after ${s.toFixed(1).padStart(6)} s`);
    });
    for (const projector of projections.projectors) await untilReplayed(state, projector.name, projector.topics, stores);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const serverAfter = serverCpuSeconds(dataDir);
    await profiling.stop();
    console.log(
      `cpu: bench process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s` +
        (serverBefore !== null && serverAfter !== null ? `, PostgreSQL server ${(serverAfter - serverBefore).toFixed(1)} s` : ''),
    );
    console.log(`rebuild_bench events=${events} seconds=${seconds.toFixed(1)} eps=${(events / seconds).toFixed(0)}`);
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
