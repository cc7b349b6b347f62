// npm run chaos: a bounded fault run of the distributed set, not a test. Builds, starts a real PostgreSQL and a
// real Kafka on loopback, every service as its own process with docker-compose.yml's environment, drives a steady
// mixed load (reports accepted by a grid worker across grid-events → points, dashboards and a webhook receiver,
// council topics across deliberation → dashboards), kills and restarts things under it, then checks from outside that every command
// answered 2xx took effect exactly once. Last line:
//   chaos_run services=<n> faults=<f> commands=<c> lost=<l> doubled=<d> max_recovery_s=<r>
// preceded by one `chaos_fault` line per fault. Recovery is the time from a fault (or, for infrastructure, from its
// return) until a fresh report is accepted, awarded by points, counted by the dashboards and posted to the receiver.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Pool } from 'pg';
import { TOPICS, deadLetterTopic } from '@gongzhi/contracts';
import { claimsFromPrincipal, DEFAULT_ISSUER_SETTINGS, DEMO_ACCOUNTS, type Principal } from '@gongzhi/identity';
import { composeSet, ROOT, type DeployedSet } from '../deploy/deployment-files';
import { freeLoopbackPort, startSet, type RunningProcess, type RunningSet } from '../deploy/service-set';

const run = promisify(execFile);
const LOAD_INTERVAL_MS = 150;
const SETTLE_WITHIN_MS = 90_000;
const RECOVERY_GIVE_UP_MS = 60_000;
/**
 * The driver is many residents behind one address, which the per-address budgets (GONGZHI_RATE_LIMIT_*) exist to
 * refuse: the run lifts them, as an operator load-testing from one machine would, so a 429 is never read as an outage.
 */
const LOAD_DRIVER_LIMITS = { GONGZHI_RATE_LIMIT_CASE_REPORTS: '100000' };

const log = (line: string) => process.stderr.write(`[chaos] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── Infrastructure on loopback ───────────────────────────────────────────────────────────────────────

class Postgres {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'tools/run-ts.mjs'), join(ROOT, 'deploy/postgres/postgres.ts'), '--port', String(this.port), '--dir', this.dir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('PostgreSQL ready')) resolve();
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}: ${output}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  get adminUrl(): string {
    return `postgresql://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }
}

/** A free port whose next one is free too: the broker's controller listens on port + 1 (deploy/kafka/kafka.sh). */
async function freeLoopbackPortPair(): Promise<number> {
  for (;;) {
    const port = await freeLoopbackPort();
    const next = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port + 1, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (next) return port;
  }
}

class Broker {
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  private kafka(command: 'start' | 'stop') {
    return run('bash', [join(ROOT, 'deploy/kafka/kafka.sh'), command, '--dir', this.dir, '--port', String(this.port)], {
      maxBuffer: 16 * 1024 * 1024,
    });
  }

  start = () => this.kafka('start');
  stop = () => this.kafka('stop');
}

// ── Tokens, as the set's issuer signs them (HS256 with the set's GONGZHI_AUTH_SECRET) ─────────────────

function tokenMinter(secret: string) {
  return (principal: Principal) => {
    const now = Math.floor(Date.now() / 1000);
    const { issuer, audience } = DEFAULT_ISSUER_SETTINGS;
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claimsFromPrincipal(principal), iss: issuer, aud: audience, iat: now, exp: now + 3600 })}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };
}

async function call(base: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: 0, body: undefined };
  }
}

// ── The load and what it promised ────────────────────────────────────────────────────────────────────

interface Ledger {
  commands: number;
  /** Answers that were not 2xx, by status (0: no answer), so a run shows what its load met. */
  readonly refused: Map<number, number>;
  /** Residents whose report was accepted (2xx): each is owed exactly 5 points. */
  readonly awarded: Map<string, string>;
  /** Cases and topics answered 2xx: each must be in the dashboards. */
  readonly cases: Set<string>;
  readonly topics: Set<string>;
  /** Cases whose acceptance was answered 2xx: each is owed to the subscribed receiver. */
  readonly accepted: Set<string>;
}

function scopeOf(role: string) {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!.scope;
}

function tally(ledger: Ledger, status: number): void {
  if (status < 200 || status >= 300) ledger.refused.set(status, (ledger.refused.get(status) ?? 0) + 1);
}

async function reportAndAccept(
  set: RunningSet,
  mint: (p: Principal) => string,
  ledger: Ledger,
  tag: string,
): Promise<{ resident: string; caseId: string } | undefined> {
  const resident = `chaos-${tag}-${randomUUID()}`;
  const residentToken = mint({ subject: resident, roles: ['resident'], scope: scopeOf('resident'), verification: 'verified' });
  const gridWorker = mint({
    subject: 'chaos-grid-worker',
    roles: ['grid_worker'],
    scope: scopeOf('grid_worker'),
    verification: 'verified',
  });
  const reported = await call(set.url('grid-events'), 'POST', '/api/cases', residentToken, {
    categoryCode: 'city.road.pothole',
    description: `路面坑洼（${tag}）`,
    location: { lat: 31.2385 + Math.random() * 0.001, long: 121.4778 + Math.random() * 0.001 },
  });
  ledger.commands++;
  tally(ledger, reported.status);
  if (reported.status !== 201) return undefined;
  const caseId = reported.body.caseId as string;
  ledger.cases.add(caseId);
  // The accept is retried until answered: an unanswered one may or may not have happened, which the checks allow.
  for (let attempt = 0; attempt < 20; attempt++) {
    const accepted = await call(set.url('grid-events'), 'POST', `/api/cases/${caseId}/accept`, gridWorker, {});
    ledger.commands++;
    tally(ledger, accepted.status);
    if (accepted.status === 200) {
      ledger.awarded.set(resident, residentToken);
      ledger.accepted.add(caseId);
      return { resident, caseId };
    }
    if (accepted.status >= 400 && accepted.status < 500) return undefined;
    await sleep(250);
  }
  return undefined;
}

async function proposeTopic(set: RunningSet, mint: (p: Principal) => string, ledger: Ledger): Promise<void> {
  const token = mint({
    subject: `chaos-proposer-${randomUUID()}`,
    roles: ['resident'],
    scope: scopeOf('resident'),
    verification: 'verified',
  });
  const proposed = await call(set.url('deliberation'), 'POST', '/api/deliberation/topics', token, {
    title: '楼道加装扶手',
    description: '老人上下楼不方便，建议加装扶手',
  });
  ledger.commands++;
  tally(ledger, proposed.status);
  if (proposed.status === 201) ledger.topics.add(proposed.body.topicId);
}

function steadyLoad(set: RunningSet, mint: (p: Principal) => string, ledger: Ledger) {
  let running = true;
  const inFlight = new Set<Promise<unknown>>();
  const loop = (async () => {
    for (let n = 0; running; n++) {
      if (inFlight.size < 8) {
        const work: Promise<unknown> = (n % 3 === 2 ? proposeTopic(set, mint, ledger) : reportAndAccept(set, mint, ledger, 'load')).finally(
          () => inFlight.delete(work),
        );
        inFlight.add(work);
      }
      await sleep(LOAD_INTERVAL_MS);
    }
    await Promise.all(inFlight);
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

// ── Recovery: a canary through the whole pipeline ────────────────────────────────────────────────────

/** When the canary's report was accepted, awarded by points, counted by the dashboards and posted by webhook. */
interface CanaryTimes {
  readonly acceptedAt: number;
  readonly awardedAt: number;
  readonly countedAt: number;
  readonly postedAt: number;
}

/** Resolves when the canary has gone all the way through. */
async function canaryThrough(
  set: RunningSet,
  mint: (p: Principal) => string,
  ledger: Ledger,
  dashboardsDb: Pool,
  receiver: Receiver,
): Promise<CanaryTimes> {
  const deadline = Date.now() + RECOVERY_GIVE_UP_MS;
  let canary: { resident: string; caseId: string } | undefined;
  while (!canary) {
    if (Date.now() > deadline) throw new Error('no report was accepted within the recovery deadline');
    canary = await reportAndAccept(set, mint, ledger, 'canary');
    if (!canary) await sleep(200);
  }
  const acceptedAt = Date.now();
  let awardedAt: number | undefined;
  let countedAt: number | undefined;
  let postedAt: number | undefined;
  const token = ledger.awarded.get(canary.resident)!;
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(`canary case ${canary.caseId} did not reach points, the dashboards and the receiver within the deadline`);
    const balance = (await call(set.url('points'), 'GET', '/api/points/me', token)).body?.balance;
    const counted = await dashboardsDb.query('SELECT 1 FROM dashboards.dash_case_facts WHERE case_id = $1', [canary.caseId]).then(
      (r) => r.rowCount === 1,
      () => false,
    );
    if (balance === 5) awardedAt ??= Date.now();
    if (counted) countedAt ??= Date.now();
    if (receiver.acceptedCases.has(canary.caseId)) postedAt ??= Date.now();
    if (awardedAt && countedAt && postedAt) return { acceptedAt, awardedAt, countedAt, postedAt };
    await sleep(200);
  }
}

// ── A subscribed system, on loopback ─────────────────────────────────────────────────────────────────

interface Receiver {
  readonly url: string;
  /** Case id → the event ids of the CaseAccepted posts that named it. */
  readonly acceptedCases: Map<string, Set<string>>;
  readonly eventIds: Set<string>;
  readonly posts: number;
  close(): Promise<void>;
}

/** Answers every post 204 and keeps which acceptances it was told of. */
async function startReceiver(): Promise<Receiver> {
  const acceptedCases = new Map<string, Set<string>>();
  const eventIds = new Set<string>();
  let posts = 0;
  const server = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      posts++;
      const event = JSON.parse(body) as { eventId: string; type: string; data?: { caseId?: string } };
      eventIds.add(event.eventId);
      const caseId = event.data?.caseId;
      if (event.type === 'CaseAccepted' && caseId) acceptedCases.set(caseId, (acceptedCases.get(caseId) ?? new Set()).add(event.eventId));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/gongzhi`,
    acceptedCases,
    eventIds,
    get posts() {
      return posts;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An admin subscribes the receiver to every acceptance, as docs/webhooks.md says. */
async function subscribeReceiver(set: RunningSet, mint: (p: Principal) => string, receiver: Receiver): Promise<void> {
  const admin = mint({ subject: 'chaos-admin', roles: ['admin'], scope: scopeOf('admin'), verification: 'verified' });
  const subscribed = await call(set.url('webhooks'), 'POST', '/api/webhooks/subscriptions', admin, {
    url: receiver.url,
    eventTypes: ['CaseAccepted'],
  });
  if (subscribed.status !== 201)
    throw new Error(`the webhooks service refused the receiver's subscription: ${subscribed.status} ${JSON.stringify(subscribed.body)}`);
}

// ── Checks from outside ──────────────────────────────────────────────────────────────────────────────

async function topicMessages(brokers: string, topic: string) {
  const kafka = new Kafka({ clientId: 'chaos-checker', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).catch(() => []);
  await admin.disconnect();
  const total = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  if (total === 0) return [];
  const messages: { eventId: string; streamId: string; streamVersion: string }[] = [];
  const consumer = kafka.consumer({ groupId: `chaos-checker-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        const value = message.value ? (JSON.parse(message.value.toString()) as Record<string, unknown>) : {};
        messages.push({
          eventId: String(value['eventId'] ?? headers['event-id'] ?? ''),
          streamId: String(value['streamId'] ?? message.key?.toString() ?? ''),
          streamVersion: String(value['streamVersion'] ?? ''),
        });
        if (messages.length >= total) resolve();
      },
    });
  });
  await consumer.disconnect();
  return messages;
}

async function check(
  set: RunningSet,
  ledger: Ledger,
  db: Pool,
  brokers: string,
  receiver: Receiver,
): Promise<{ lost: number; doubled: number; notes: string[] }> {
  const notes: string[] = [];
  let lost = 0;
  let doubled = 0;
  const lose = (note: string, count = 1) => {
    lost += count;
    notes.push(note);
  };
  const double = (note: string, count = 1) => {
    doubled += count;
    notes.push(note);
  };
  // Points: exactly 5 for every accepted report (one resident per report).
  for (const [resident, token] of ledger.awarded) {
    const balance = (await call(set.url('points'), 'GET', '/api/points/me', token)).body?.balance ?? 0;
    if (balance < 5) lose(`points: ${resident} has ${balance}, owed 5`);
    if (balance > 5) double(`points: ${resident} has ${balance}, owed 5`);
  }
  // Dashboards equal to the event logs.
  const storeCases = new Set(
    (await db.query(`SELECT DISTINCT substr(stream_id, 6) AS id FROM grid_events_events.events WHERE stream_id LIKE 'case-%'`)).rows.map(
      (r) => r.id as string,
    ),
  );
  const dashCases = (await db.query('SELECT case_id FROM dashboards.dash_case_facts')).rows.map((r) => r.case_id as string);
  const storeTopics = new Set(
    (await db.query(`SELECT DISTINCT substr(stream_id, 7) AS id FROM deliberation_events.events WHERE stream_id LIKE 'topic-%'`)).rows.map(
      (r) => r.id as string,
    ),
  );
  const dashTopics = (await db.query('SELECT topic_id FROM dashboards.dash_topic_facts')).rows.map((r) => r.topic_id as string);
  for (const [what, answered, store, dash] of [
    ['case', ledger.cases, storeCases, dashCases],
    ['topic', ledger.topics, storeTopics, dashTopics],
  ] as const) {
    for (const id of answered) if (!store.has(id)) lose(`${what} ${id} answered 2xx but not in its event log`);
    const inDash = new Set(dash);
    for (const id of store) if (!inDash.has(id)) lose(`${what} ${id} in the event log but not in the dashboards`);
    if (inDash.size !== dash.length)
      double(`${what}: ${dash.length - inDash.size} rows twice in the dashboards`, dash.length - inDash.size);
    for (const id of inDash) if (!store.has(id)) double(`${what} ${id} in the dashboards but in no event log`);
  }
  // Webhooks: every acceptance answered 2xx posted to the receiver, as one event (a delivery repeated with the same
  // webhook-id is at least once by contract; two event ids for one acceptance would be an acceptance recorded twice).
  for (const caseId of ledger.accepted) {
    const ids = receiver.acceptedCases.get(caseId);
    if (!ids) lose(`webhooks: the acceptance of case ${caseId} was never posted`);
    else if (ids.size > 1) double(`webhooks: the acceptance of case ${caseId} was posted as ${ids.size} events`);
  }
  // Kafka: one event id per stream version; nothing dead-lettered.
  for (const topic of Object.values(TOPICS)) {
    const byVersion = new Map<string, Set<string>>();
    for (const m of await topicMessages(brokers, topic)) {
      const key = `${m.streamId}@${m.streamVersion}`;
      byVersion.set(key, (byVersion.get(key) ?? new Set()).add(m.eventId));
    }
    for (const [key, ids] of byVersion) if (ids.size > 1) double(`${topic}: ${key} carries ${ids.size} event ids`);
    const dead = await topicMessages(brokers, deadLetterTopic(topic));
    if (dead.length > 0) lose(`${deadLetterTopic(topic)}: ${dead.length} messages`, dead.length);
  }
  return { lost, doubled, notes };
}

// ── Recovery figures ─────────────────────────────────────────────────────────────────────────────────

const KILLED_SERVICES = ['grid-events', 'department-dispatch', 'deliberation', 'points', 'co-building', 'dashboards', 'webhooks'];

interface Recovery {
  readonly name: string;
  /** From the fault (for infrastructure, from its return) until the canary is through the whole pipeline. */
  readonly seconds: number;
  /** Until the restarted process answered ready (kills only). */
  readonly readySeconds?: number;
  /** Until the canary's report was accepted, awarded by points, counted by the dashboards, posted by webhook. */
  readonly acceptedSeconds: number;
  readonly awardedSeconds: number;
  readonly countedSeconds: number;
  readonly postedSeconds: number;
}

const seconds = (from: number, to: number) => (to - from) / 1000;

function describeRecovery(r: Recovery): string {
  const ready = r.readySeconds === undefined ? '' : `ready after ${r.readySeconds.toFixed(1)} s, `;
  return `recovered in ${r.seconds.toFixed(1)} s (${ready}report accepted after ${r.acceptedSeconds.toFixed(1)} s, awarded ${r.awardedSeconds.toFixed(1)} s, counted ${r.countedSeconds.toFixed(1)} s, posted ${r.postedSeconds.toFixed(1)} s)`;
}

function faultLine(r: Recovery): string {
  const ready = r.readySeconds === undefined ? '' : ` ready_s=${r.readySeconds.toFixed(1)}`;
  return `fault="${r.name}" recovery_s=${r.seconds.toFixed(1)}${ready} accepted_s=${r.acceptedSeconds.toFixed(1)} awarded_s=${r.awardedSeconds.toFixed(1)} counted_s=${r.countedSeconds.toFixed(1)} posted_s=${r.postedSeconds.toFixed(1)}`;
}

/** The compose environment with the per-address budgets lifted for the load driver (LOAD_DRIVER_LIMITS). */
function withLoadDriverLimits(set: DeployedSet): DeployedSet {
  return { ...set, environments: new Map([...set.environments].map(([name, env]) => [name, { ...env, ...LOAD_DRIVER_LIMITS }])) };
}

/** CHAOS_LOG_DIR=<folder> keeps what each process printed since its last start (warnings and errors), to see where time went. */
function keepLogs(set: RunningSet): void {
  const dir = process.env['CHAOS_LOG_DIR'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const p of set.processes) writeFileSync(join(dir, `${p.service}-${p.replica}.log`), p.output());
  log(`process logs in ${dir}`);
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'gongzhi-chaos-'));
  chmodSync(work, 0o755); // PostgreSQL runs as its own user, which must reach its folder inside
  const postgres = new Postgres(Number(process.env['CHAOS_PG_PORT'] ?? (await freeLoopbackPort())), join(work, 'pg'));
  const broker = new Broker(Number(process.env['CHAOS_KAFKA_PORT'] ?? (await freeLoopbackPortPair())), join(work, 'kafka'));
  let set: RunningSet | undefined;
  let db: Pool | undefined;
  let receiver: Receiver | undefined;
  const stopAll = async () => {
    await set?.stop().catch(() => undefined);
    await receiver?.close().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await broker.stop().catch(() => undefined);
    await postgres.stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)));
  try {
    log('building dist/ …');
    execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    log(`starting PostgreSQL on 127.0.0.1:${postgres.port} and Kafka on 127.0.0.1:${broker.port} …`);
    await Promise.all([postgres.start(), broker.start()]);
    const admin = new Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE gongzhi LOGIN PASSWORD 'gongzhi'`);
    await admin.query('CREATE DATABASE gongzhi OWNER gongzhi');
    await admin.end();

    const deployed = withLoadDriverLimits(composeSet(process.env));
    const places = { kafka: `127.0.0.1:${broker.port}`, postgres: `127.0.0.1:${postgres.port}` };
    const ports = process.env['CHAOS_SERVICE_PORTS']?.split(',').map(Number);
    log(`starting ${deployed.environments.size} processes with docker-compose.yml's environment …`);
    set = await startSet({ set: deployed, places, logLevel: 'warn', ...(ports ? { ports } : {}) });
    const running = set;
    const mint = tokenMinter(deployed.environments.get('grid-events')!['GONGZHI_AUTH_SECRET']);
    // A pool, so the checks reconnect after the PostgreSQL restart.
    db = new Pool({ connectionString: `postgresql://gongzhi:gongzhi@127.0.0.1:${postgres.port}/gongzhi`, max: 2 });
    db.on('error', () => undefined);
    const ledger: Ledger = {
      commands: 0,
      refused: new Map(),
      awarded: new Map(),
      cases: new Set(),
      topics: new Set(),
      accepted: new Set(),
    };
    const dashboardsDb = () => db!;
    receiver = await startReceiver();
    const hooks = receiver;
    await subscribeReceiver(running, mint, hooks);

    log('warming up: a first report through the whole pipeline …');
    await canaryThrough(running, mint, ledger, dashboardsDb(), hooks);
    const load = steadyLoad(running, mint, ledger);
    await sleep(3_000);

    /** A fault injected: when the clock starts, and (for a restarted process) when it answered ready again. */
    type Injected = { from: number; readyAt?: number };
    const recoveries: Recovery[] = [];
    const processOf = (service: string) => running.processes.find((p) => p.service === service)!;
    const killAndRestart = (service: string) => async (): Promise<Injected> => {
      const victim: RunningProcess = processOf(service);
      await running.kill(victim, 'SIGKILL');
      const from = Date.now();
      await running.restart(victim);
      return { from, readyAt: Date.now() };
    };
    const faults: [string, () => Promise<Injected>][] = [
      ...KILLED_SERVICES.map((service) => [`kill -9 ${service}`, killAndRestart(service)] as [string, () => Promise<Injected>]),
      [
        'broker restart',
        async () => {
          await broker.stop();
          await broker.start();
          return { from: Date.now() };
        },
      ],
      [
        'PostgreSQL restart',
        async () => {
          await postgres.stop();
          await postgres.start();
          return { from: Date.now() };
        },
      ],
    ];
    for (const [name, inject] of faults) {
      log(`fault: ${name}`);
      const { from, readyAt } = await inject();
      const canary = await canaryThrough(running, mint, ledger, dashboardsDb(), hooks);
      const recovery: Recovery = {
        name,
        seconds: seconds(from, Date.now()),
        readySeconds: readyAt === undefined ? undefined : seconds(from, readyAt),
        acceptedSeconds: seconds(from, canary.acceptedAt),
        awardedSeconds: seconds(from, canary.awardedAt),
        countedSeconds: seconds(from, canary.countedAt),
        postedSeconds: seconds(from, canary.postedAt),
      };
      recoveries.push(recovery);
      log(`  ${describeRecovery(recovery)}`);
      await sleep(2_000);
    }
    await load.stop();

    log('load stopped; waiting for the pipeline to settle, then checking from outside …');
    const settleBy = Date.now() + SETTLE_WITHIN_MS;
    let result = await check(running, ledger, db, places.kafka, hooks);
    while ((result.lost > 0 || result.doubled > 0) && Date.now() < settleBy) {
      await sleep(3_000);
      result = await check(running, ledger, db, places.kafka, hooks);
    }
    log(
      `webhook deliveries: ${hooks.posts} posts of ${hooks.eventIds.size} events (a post repeated with its webhook-id is at least once by contract)`,
    );
    for (const note of result.notes.slice(0, 20)) log(`  ${note}`);
    const refused = [...ledger.refused].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    log(`answers other than 2xx: ${refused.length ? refused.join(' ') : 'none'} (0: no answer)`);
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    keepLogs(running);
    await stopAll();
    for (const recovery of recoveries) process.stdout.write(`chaos_fault ${faultLine(recovery)}\n`);
    const maxRecovery = Math.max(...recoveries.map((r) => r.seconds));
    process.stdout.write(
      `chaos_run services=${deployed.environments.size} faults=${recoveries.length} commands=${ledger.commands} lost=${result.lost} doubled=${result.doubled} max_recovery_s=${maxRecovery.toFixed(1)}\n`,
    );
    process.exit(result.lost === 0 && result.doubled === 0 && maxRecovery <= 10 ? 0 : 1);
  } catch (error) {
    for (const p of set?.processes ?? []) if (p.child.exitCode !== null) log(`${p.service} output:\n${p.output().slice(-3000)}`);
    await stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
