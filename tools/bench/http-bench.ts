/**
 * npm run bench:http [-- --seconds 20 --connections 16 --warm-cases 3000 --residents 8 --heap-mb 256 --cpu-prof-dir /tmp/prof]
 * (or GONGZHI_BENCH_HTTP_SECONDS, _CONNECTIONS, _WARM_CASES, _RESIDENTS, _PORT, GONGZHI_MAX_HEAP_MB, GONGZHI_BENCH_CPU_PROF_DIR)
 * [--per-route] each route alone after the reads; [--only "POST /api/cases"] just the matching routes (to profile one);
 * [--only mixed] (or commands, reads) just that workload; GONGZHI_BENCH_KEEP_DATA=1 keeps the data folder afterwards
 *
 * What a person feels, end to end over HTTP: starts the all-in-one host (`npm start`'s embedded default) as a
 * child process on a fresh data folder, signs in the demo staff and registers verified residents, warms the city
 * with case reports across its grids, then drives it from this process with autocannon for a fixed time per
 * workload — commands (case reports, ballots, whistles and check-ins), reads (dashboards, a resident's cases and
 * points, the grid worker's triage queue) and a 30/70 mix. Only 2xx answers count; any other answer is printed
 * with a body sample and fails the run. After each workload it says how far the dashboards fell behind. Ends with
 * the `http_bench` line; rss_mb is the host's peak resident set.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import {
  httpBenchLine,
  httpBenchSettings,
  refusalsOf,
  workloadFigures,
  type HttpBenchSettings,
  type WorkloadFigures,
} from './http-bench-settings';

const root = resolve(__dirname, '../..');
const settings = httpBenchSettings(process.argv.slice(2), process.env);
const base = `http://127.0.0.1:${settings.port}`;
const json = { 'content-type': 'application/json' };

interface Grid {
  id: string;
  communityId: string;
  bounds: { south: number; west: number; north: number; east: number };
}
interface Account {
  username: string;
  token: string;
}
type Request = autocannon.Request;

function startHost(dataDir: string): ChildProcess {
  const log = openSync(join(dataDir, 'host.log'), 'a');
  const profile = settings.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(settings.cpuProfileDir)] : [];
  const heap = [`--max-old-space-size=${settings.heapMb}`];
  // Compiled, as tools/start.mjs runs it for npm start.
  execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // On the Node npm start uses (Node 24 where the machine's is older, or GONGZHI_HOST_NODE=system): tools/host-node.mjs.
  const node = JSON.parse(
    execFileSync(process.execPath, [join(root, 'tools/host-node.mjs')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { path: string; args: string[]; env: Record<string, string>; version: string };
  console.log(`host: Node ${node.version}`);
  return spawn(node.path, [...node.args, ...profile, ...heap, join(root, 'dist/services/all-in-one/src/main.js')], {
    cwd: root,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...node.env,
      PORT: String(settings.port),
      GONGZHI_MODE: 'embedded',
      // As tools/start.mjs sets it for npm start.
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      GONGZHI_DATA_DIR: join(dataDir, 'data'),
      GONGZHI_DEMO_DATA: 'true',
      GONGZHI_DEMO_SCALE: process.env.GONGZHI_DEMO_SCALE ?? 'district',
      // The bench warms the city with its own load; months of demo history would only delay the first request.
      GONGZHI_DEMO_HISTORY_DAYS: process.env.GONGZHI_DEMO_HISTORY_DAYS ?? '0',
      // The bench's residents all come from one address: the per-address limits would measure the limiter.
      GONGZHI_RATE_LIMIT_CASE_REPORTS: '100000',
      GONGZHI_RATE_LIMIT_REGISTRATIONS: '100000',
    },
  });
}

async function waitForHealth(host: ChildProcess, dataDir: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`the host exited (${host.exitCode}):\n${tail(dataDir)}`);
    const ready = await fetch(`${base}/health/ready`).catch(() => null);
    if (ready?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the host did not become ready in 180 s:\n${tail(dataDir)}`);
}

const tail = (dataDir: string) => readFileSync(join(dataDir, 'host.log'), 'utf8').split('\n').slice(-30).join('\n');

async function call<T = any>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : json) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function login(username: string, password: string): Promise<Account> {
  const { accessToken } = await call<{ accessToken: string }>('POST', '/api/auth/login', undefined, { username, password });
  return { username, token: accessToken };
}

/** The demo staff, verified residents of 和谐社区, the city's grids and categories, and a topic open for voting. */
async function setUpCity() {
  const demo = (role: string) => login(`demo-${role}`, `demo-${role}-2026`);
  const [admin, officer, street, department, gridWorker, demoResident] = await Promise.all(
    ['admin', 'community-officer', 'street-officer', 'department-staff', 'grid-worker', 'resident'].map(demo),
  );
  const organisation = await call('GET', '/api/organisation', admin.token);
  const grids: Grid[] = [];
  for (const district of organisation.districts)
    for (const s of district.streets)
      for (const community of s.communities)
        for (const grid of community.grids) grids.push({ id: grid.id, communityId: community.id, bounds: grid.bounds });
  const categories = (await call<{ categories: { code: string }[] }>('GET', '/api/categories', admin.token)).categories.map((c) => c.code);
  const hexie = grids.filter((g) => g.communityId === 'community-hexie');
  const residents = [demoResident];
  const runId = Date.now().toString(36);
  for (let i = 0; i < settings.residents; i++) {
    const username = `bench-${runId}-${i + 1}`;
    const grid = hexie[i % hexie.length];
    const registered = await call<{ id: string }>('POST', '/api/auth/register', admin.token, {
      username,
      password: 'bench-resident-password',
      displayName: `居民${i + 1}`,
      communityId: grid.communityId,
      gridId: grid.id,
    });
    await call('POST', `/api/auth/accounts/${registered.id}/verify`, officer.token);
    residents.push(await login(username, 'bench-resident-password'));
  }
  const { topicId } = await call<{ topicId: string }>('POST', '/api/deliberation/topics', demoResident.token, {
    title: '小区增设充电桩',
    description: '电动车在楼道充电有火灾隐患，建议在车棚增设充电桩。',
    anonymous: false,
  });
  const topic = `/api/deliberation/topics/${topicId}`;
  await call('POST', `${topic}/screening`, officer.token, { outcome: 'accepted' });
  await call('POST', `${topic}/consultation`, officer.token, { draftPlan: '征求楼组长和物业意见后形成初步方案' });
  await call('POST', `${topic}/discussion`, officer.token, {});
  await call('POST', `${topic}/voting`, officer.token, {
    closesAt: new Date(Date.now() + 3.5 * 24 * 3600_000).toISOString(),
    options: { kind: 'yes_no_abstain' },
    eligibility: { scope: 'community', scopeId: 'community-hexie' },
    quorumPercent: 20,
    passThresholdPercent: 50,
  });
  return { grids, categories, residents, street, department, gridWorker, topicId };
}

type City = Awaited<ReturnType<typeof setUpCity>>;

/** The requests of each workload, as autocannon sequences: each connection runs its sequence round and round. */
function workloads(city: City) {
  let n = 0;
  const bearer = (account: Account) => ({ authorization: `Bearer ${account.token}`, ...json });
  const resident = () => city.residents[n++ % city.residents.length];
  const between = (a: number, b: number) => a + Math.random() * (b - a);

  const report: Request = {
    method: 'POST',
    path: '/api/cases',
    setupRequest: (req) => {
      const grid = city.grids[Math.floor(Math.random() * city.grids.length)];
      const { south, north, west, east } = grid.bounds;
      return {
        ...req,
        headers: bearer(resident()),
        body: JSON.stringify({
          categoryCode: city.categories[Math.floor(Math.random() * city.categories.length)],
          description: '路面有个大坑，电动车容易摔',
          location: { lat: between(south, north), long: between(west, east) },
          photoIds: [],
          anonymous: false,
        }),
      };
    },
  };
  const ballot: Request = {
    method: 'PUT',
    path: `/api/deliberation/topics/${city.topicId}/ballot`,
    setupRequest: (req) => ({
      ...req,
      headers: bearer(resident()),
      body: JSON.stringify({ optionId: ['yes', 'no', 'abstain'][Math.floor(Math.random() * 3)] }),
    }),
  };
  const whistle: Request = {
    method: 'POST',
    path: '/api/department-dispatch/streets/street-nanjingdong/whistles',
    headers: bearer(city.street),
    body: JSON.stringify({
      title: '菜场周边占道经营与交通拥堵',
      description: '涉及多个部门，请各部门到现场联合处置。',
      departmentIds: ['dept-chengguan', 'dept-huanbao'],
      leadDepartmentId: 'dept-chengguan',
    }),
    onResponse: (status, body, context) => {
      if (status === 201) (context as { whistleId?: string }).whistleId = JSON.parse(body).whistleId;
    },
  };
  const checkIn: Request = {
    method: 'POST',
    headers: bearer(city.department),
    body: '{}',
    setupRequest: (req, context) => ({
      ...req,
      path: `/api/department-dispatch/whistles/${String((context as { whistleId?: string }).whistleId)}/check-in`,
    }),
  };
  const read = (path: string, who: () => Account): Request => ({
    method: 'GET',
    path,
    setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${who().token}` } }),
  });
  const reads = [
    read('/api/dashboards/overview', () => city.street),
    read('/api/dashboards/cases/sla?groupBy=grid', () => city.street),
    read('/api/cases?mine=true', resident),
    read('/api/points/me', resident),
    read('/api/cases?status=Reported&limit=50', () => city.gridWorker),
  ];
  const commands = [report, report, ballot, report, whistle, checkIn];
  // 6 commands and 14 reads: 30% / 70%.
  const mixed = [
    report,
    ...reads.slice(0, 3),
    ballot,
    ...reads.slice(3),
    report,
    ...reads.slice(0, 2),
    whistle,
    ...reads.slice(2),
    checkIn,
    ...reads,
    report,
  ];
  // A check-in needs the whistle blown just before it on the same connection.
  const perRoute = [[report], [ballot], [whistle, checkIn], ...reads.map((r) => [r])];
  return { report, commands, reads, mixed, perRoute };
}

/** CPU seconds the host has used: on a machine shared with other work, CPU per request compares runs better than rates do. */
function hostCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

async function drive(
  name: string,
  requests: Request[],
  options: { seconds?: number; amount?: number; hostPid: number },
): Promise<WorkloadFigures> {
  const cpuBefore = hostCpuSeconds(options.hostPid);
  const lag = watchDashboardLag();
  const samples = new Map<string, string>();
  const keep = (request: Request): Request => ({
    ...request,
    onResponse: (status, body, context, headers) => {
      if ((status < 200 || status > 299) && !samples.has(String(status)))
        samples.set(String(status), `${request.method} ${request.path ?? '(set per request)'} → ${String(body).slice(0, 300)}`);
      if (typeof request.onResponse === 'function') request.onResponse(status, body, context, headers);
    },
  });
  const result = await autocannon({
    url: base,
    connections: settings.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    requests: requests.map(keep),
    timeout: 30,
  });
  const figures = workloadFigures(result);
  const cpuMsPerRequest = ((hostCpuSeconds(options.hostPid) - cpuBefore) * 1000) / Math.max(1, result['2xx']);
  console.log(
    `${name.padEnd(12)} ${figures.perSecond.toFixed(0).padStart(6)} 2xx/s  p50 ${result.latency.p50} ms  p99 ${figures.p99Ms} ms  host cpu ${cpuMsPerRequest.toFixed(2)} ms/request  (${result['2xx']} in ${result.duration.toFixed(1)} s, ${settings.connections} connections)`,
  );
  console.log(`${''.padEnd(12)} host memory: ${await hostMemory()}`);
  console.log(`${''.padEnd(12)} dashboards behind: ${await lag.stop()}`);
  const refusals = refusalsOf(name, result, samples);
  if (refusals.length > 0) throw new Error(`answers other than 2xx:\n  ${refusals.join('\n  ')}`);
  return figures;
}

/** The host's heap and resident set as its /metrics page tells them, in MB. */
async function hostMemory(): Promise<string> {
  const text = await (await fetch(`${base}/metrics`)).text().catch(() => '');
  const mb = (metric: string) => (Number(new RegExp(`^${metric} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20).toFixed(0);
  return `heap used ${mb('nodejs_heap_size_used_bytes')} of ${mb('nodejs_heap_size_total_bytes')} MB, rss ${mb('process_resident_memory_bytes')} MB`;
}

/**
 * How far the dashboards' read models fall behind while a workload runs, as their projectors report it on /metrics
 * after each batch (sampled every 250 ms, a small load of its own): the most events and seconds any projector was
 * behind, and how long after the load stops they have all caught up.
 */
function watchDashboardLag() {
  let events = 0;
  let seconds = 0;
  const read = async () => {
    const text = await (await fetch(`${base}/metrics`)).text().catch(() => '');
    const values = (metric: string) => [...text.matchAll(new RegExp(`^${metric}\\{[^}]*\\} (\\S+)`, 'gm'))].map((m) => Number(m[1]));
    return {
      events: Math.max(0, ...values('gongzhi_projection_lag_events')),
      seconds: Math.max(0, ...values('gongzhi_projection_lag_seconds')),
    };
  };
  let sampling = true;
  const sampled = (async () => {
    while (sampling) {
      const now = await read();
      events = Math.max(events, now.events);
      seconds = Math.max(seconds, now.seconds);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop(): Promise<string> {
      const stoppedAt = Date.now();
      let caughtUpMs: number | undefined;
      while (caughtUpMs === undefined && Date.now() - stoppedAt < 30_000) {
        if ((await read()).events === 0) caughtUpMs = Date.now() - stoppedAt;
        else await new Promise((r) => setTimeout(r, 50));
      }
      sampling = false;
      await sampled;
      const caughtUp = caughtUpMs === undefined ? 'not caught up 30 s after the load' : `caught up ${caughtUpMs} ms after the load`;
      return `at most ${events} events and ${seconds.toFixed(2)} s, ${caughtUp}`;
    },
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null) return;
  const exited = new Promise((r) => host.once('exit', r));
  host.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  if (host.exitCode === null) host.kill('SIGKILL');
}

async function main(settings: HttpBenchSettings) {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-http-'));
  console.log(`http bench: ${settings.connections} connections, ${settings.seconds} s per workload, data in ${dir}`);
  const host = startHost(dir);
  try {
    await waitForHealth(host, dir);
    const city = await setUpCity();
    console.log(`city: ${city.grids.length} grids, ${city.categories.length} categories, ${city.residents.length} residents`);
    const work = workloads(city);
    const hostPid = host.pid!;
    if (settings.warmCases > 0) await drive('warm-up', [work.report], { amount: settings.warmCases, hostPid });
    const whole = { commands: work.commands, reads: work.reads, mixed: work.mixed } as Record<string, Request[]>;
    if (settings.only !== undefined && whole[settings.only]) {
      await drive(settings.only, whole[settings.only], { seconds: settings.seconds, hostPid });
      await stopHost(host);
      return;
    }
    if (settings.only !== undefined) {
      const only = settings.only;
      for (const sequence of work.perRoute.filter((s) => `${s[0].method} ${s[0].path}`.startsWith(only)))
        await drive(`${sequence[0].method} ${sequence[0].path}`.slice(0, 60), sequence, { seconds: settings.seconds, hostPid });
      await stopHost(host);
      return;
    }
    const commands = await drive('commands', work.commands, { seconds: settings.seconds, hostPid });
    const reads = await drive('reads', work.reads, { seconds: settings.seconds, hostPid });
    if (settings.perRoute)
      for (const sequence of work.perRoute)
        await drive(`${sequence[0].method} ${sequence[0].path}`.slice(0, 60), sequence, { seconds: 3, hostPid });
    const mixed = await drive('mixed', work.mixed, { seconds: settings.seconds, hostPid });
    const rssMb = peakRssMb(host.pid!);
    await stopHost(host);
    console.log(httpBenchLine({ commands, reads, mixed, rssMb }));
  } catch (error) {
    await stopHost(host);
    console.error(`host log (last lines):\n${tail(dir)}`);
    throw error;
  } finally {
    if (process.env.GONGZHI_BENCH_KEEP_DATA) console.log(`http bench: data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main(settings).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
