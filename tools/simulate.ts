// Drives a running platform through its public HTTP API with the everyday life of the demo city, so
// the dashboards move: residents report (with photos), grid workers and officers triage and dispatch,
// the department acknowledges and resolves, residents confirm and rate, the street blows whistles,
// residents propose topics and vote, redeem points and log volunteer hours.
//
//   npm run simulate -- --rate 5 --duration 120 [--url http://localhost:3000]
//   npm run simulate -- --url compose                       (the distributed set of docker-compose.yml)
//   npm run simulate -- --url identity=http://…,grid-events=http://…,…   (any distributed set)
//
// Uses only the demo accounts the host prints at first start and residents it registers itself.
import { photoPng } from '@gongzhi/testing';
import { parseTargets, type Targets } from './simulate-targets';

interface Options {
  readonly rate: number;
  readonly duration: number;
  readonly url: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run simulate -- --rate <actions/s> --duration <s> [--url http://localhost:3000]\n');
      process.exit(0);
    }
    const match = /^--(rate|duration|url)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg} (expected --rate, --duration, --url)`);
    options[match[1]] = match[2] ?? argv[++i] ?? '';
  }
  const rate = Number(options['rate'] ?? 2);
  const duration = Number(options['duration'] ?? 60);
  const url = options['url'] ?? process.env['GONGZHI_URL'] ?? 'http://localhost:3000';
  if (!(rate > 0 && rate <= 500)) throw new Error(`--rate: expected actions per second between 0 and 500, got "${options['rate']}"`);
  if (!(duration > 0)) throw new Error(`--duration: expected seconds above 0, got "${options['duration']}"`);
  parseTargets(url); // fails here, naming the option, before anything is sent
  return { rate, duration, url };
}

// ── HTTP, with a tally of every answer ─────────────────────────────────────────────────────────────

const byAction = new Map<string, number>();
const byStatus = new Map<string, number>();
const failures = new Map<string, string>();
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

class Actor {
  private token = '';
  subject = '';
  constructor(
    readonly base: Targets,
    readonly username: string,
    readonly password: string,
  ) {}

  async login(): Promise<this> {
    const response = await fetch(this.base.urlFor('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: this.username, password: this.password }),
    });
    if (!response.ok) throw new Error(`cannot log in as ${this.username}: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string; principal: { subject: string } };
    this.token = body.accessToken;
    this.subject = body.principal.subject;
    return this;
  }

  /** One call; counts its status; logs in again once when the 15-minute token has run out. */
  async call<T = any>(method: string, path: string, body?: unknown, retried = false): Promise<{ status: number; data: T }> {
    const isForm = body instanceof FormData;
    const response = await fetch(this.base.urlFor(path), {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    if (response.status === 401 && !retried) {
      await this.login();
      return this.call(method, path, body, true);
    }
    const text = await response.text();
    let data: any = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    const route = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/g, ':id').replace(/\?.*$/, '')}`;
    bump(byStatus, String(response.status));
    if (response.status >= 400) failures.set(`${route} ${response.status}`, typeof data === 'object' ? (data?.message ?? data?.code ?? text) : text);
    return { status: response.status, data };
  }
}

// ── The demo city ──────────────────────────────────────────────────────────────────────────────────

interface Grid {
  id: string;
  communityId: string;
  bounds: { south: number; west: number; north: number; east: number };
}
interface Category {
  code: string;
  leadDepartmentId: string;
  evaluationRequired: boolean;
  name: { zh: string };
}
interface SimCase {
  caseId: string;
  reporter: Actor;
  gridId: string;
  categoryCode: string;
  stage: 'reported' | 'accepted' | 'dispatched-department' | 'dispatched-grid' | 'acknowledged-grid' | 'resolved' | 'confirmed' | 'done';
  /** Taken by an action in flight, so two concurrent actions never work the same case. */
  busy: boolean;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const chance = (p: number) => Math.random() < p;
const between = (a: number, b: number) => a + Math.random() * (b - a);

const DESCRIPTIONS: Record<string, readonly string[]> = {
  default: ['这里有问题，麻烦尽快处理', '已经好几天了，影响大家出行', '老人孩子经过很危险，请看一下'],
  'city.road.pothole': ['路面有个大坑，电动车容易摔', '井盖旁边的路面塌陷了'],
  'city.street-light.broken': ['路灯晚上不亮，黑乎乎的', '小区门口的路灯一闪一闪'],
  'environment.garbage.overflow': ['垃圾桶满了没人清，味道很大', '垃圾堆到路边了'],
  'environment.noise': ['晚上十点后还在施工，吵得睡不着', '广场舞音响声音太大'],
  'order.street-vending': ['菜场门口摆摊堵住人行道', '早上路口有流动摊贩'],
  'traffic.parking.illegal': ['车辆长期占用消防通道停放', '人行道上停满了汽车'],
  'traffic.bikes.disorder': ['共享单车堆在地铁口，走不过去', '单车倒了一地'],
  'safety.fire-lane.blocked': ['消防通道被杂物堵住了'],
};
const TOPICS = [
  ['老楼加装电梯', '3 号楼六层，老人上下楼困难，想商量加装电梯和费用分摊。'],
  ['小区增设充电桩', '电动车在楼道充电有火灾隐患，建议在车棚增设充电桩。'],
  ['楼下空地改成口袋公园', '空地常年堆杂物，想改成有座椅和绿化的小花园。'],
  ['规范广场舞时间和音量', '建议晚上八点半后降低音量，照顾休息的邻居。'],
  ['增加垃圾分类指导员', '早晚投放高峰请志愿者值守，帮助大家分类。'],
] as const;
const ACTIVITIES = ['陪伴独居老人', '社区垃圾分类值守', '义务理发', '帮邻居买菜送药', '小区环境清扫'];
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗';
const GIVEN = ['秀英', '建国', '桂芳', '志强', '丽华', '海燕', '红梅', '国庆', '明', '静', '磊', '芳', '勇', '敏'];

/** A small PNG (a coloured band on grey) standing in for a phone photo. */
function photo(): Blob {
  const band = [Math.floor(between(80, 230)), Math.floor(between(80, 230)), Math.floor(between(80, 230))] as const;
  return new Blob([new Uint8Array(photoPng({ width: 64, height: 48, band, background: [110, 110, 110] }))], { type: 'image/png' });
}

// ── The simulation ─────────────────────────────────────────────────────────────────────────────────

class City {
  residents: Actor[] = [];
  staff!: Record<'gridWorker' | 'communityOfficer' | 'streetOfficer' | 'department' | 'admin', Actor>;
  grids: Grid[] = [];
  categories: Category[] = [];
  streetId = 'street-nanjingdong';
  departmentId = 'dept-chengguan';
  cases: SimCase[] = [];
  assignments = new Map<string, string>(); // assignmentId → caseId, for those acknowledged
  topics: { topicId: string; stage: 'proposed' | 'voting'; voters: Set<string> }[] = [];
  whistles: { whistleId: string; checkedIn: boolean }[] = [];
  rewardIds: string[] = [];

  constructor(readonly base: Targets) {}

  async setUp(runId: string): Promise<void> {
    const demo = (role: string) => new Actor(this.base, `demo-${role}`, `demo-${role}-2026`).login();
    const [gridWorker, communityOfficer, streetOfficer, department, admin, resident] = await Promise.all(
      ['grid-worker', 'community-officer', 'street-officer', 'department-staff', 'admin', 'resident'].map(demo),
    );
    this.staff = { gridWorker, communityOfficer, streetOfficer, department, admin };
    this.residents.push(resident);

    const organisation = (await admin.call('GET', '/api/organisation')).data;
    for (const district of organisation.districts) {
      for (const street of district.streets) {
        if (street.id !== this.streetId) continue;
        for (const community of street.communities) for (const grid of community.grids) this.grids.push({ id: grid.id, communityId: community.id, bounds: grid.bounds });
      }
    }
    this.categories = (await admin.call('GET', '/api/categories')).data.categories;

    // Neighbours of the demo resident: registered, verified by their officer, with a name on the leaderboard.
    const hexieGrids = this.grids.filter((g) => g.communityId === 'community-hexie');
    for (let i = 0; i < 8; i++) {
      const grid = pick(hexieGrids);
      const username = `sim-${runId}-${i + 1}`;
      const displayName = `${pick([...SURNAMES])}${pick(GIVEN)}`;
      const registered = await admin.call('POST', '/api/auth/register', { username, password: 'sim-resident-password', displayName, communityId: grid.communityId, gridId: grid.id });
      if (registered.status !== 201) continue;
      await communityOfficer.call('POST', `/api/auth/accounts/${registered.data.id}/verify`);
      const neighbour = await new Actor(this.base, username, 'sim-resident-password').login();
      await neighbour.call('PUT', '/api/points/me/profile', { displayName });
      this.residents.push(neighbour);
    }

    const rewards = (await admin.call('GET', '/api/points/rewards')).data as { rewardId: string }[];
    if (rewards.length === 0) {
      for (const [name, description, pricePoints] of [
        ['社区食堂餐券', '社区长者食堂一餐', 20],
        ['环保购物袋', '可折叠帆布袋', 10],
        ['理发券', '社区理发室一次', 30],
      ] as const) {
        await admin.call('POST', '/api/points/rewards', { name, description, pricePoints, stock: 500 });
      }
    }
    this.rewardIds = ((await admin.call('GET', '/api/points/rewards')).data as { rewardId: string }[]).map((r) => r.rewardId);
  }

  /** The actions and how often each happens; one that finds nothing to do reports instead. */
  readonly actions: readonly [string, number, () => Promise<boolean>][] = [
    ['report', 12, () => this.report()],
    ['triage', 14, () => this.triage()],
    ['dispatch', 12, () => this.dispatch()],
    ['acknowledge', 10, () => this.acknowledge()],
    ['resolve', 10, () => this.resolve()],
    ['confirm', 8, () => this.confirm()],
    ['rate', 8, () => this.rate()],
    ['whistle', 2, () => this.whistle()],
    ['whistle-check-in', 3, () => this.checkIn()],
    ['topic', 2, () => this.propose()],
    ['open-voting', 2, () => this.openVoting()],
    ['ballot', 6, () => this.ballot()],
    ['redeem', 3, () => this.redeem()],
    ['volunteer-hours', 3, () => this.volunteer()],
  ];

  async act(): Promise<void> {
    const total = this.actions.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = Math.random() * total;
    const [name, , run] = this.actions.find(([, weight]) => (roll -= weight) < 0) ?? this.actions[0];
    if (await run()) bump(byAction, name);
    else if (await this.report()) bump(byAction, 'report');
  }

  private casesAt(stage: SimCase['stage']) {
    return this.cases.filter((c) => c.stage === stage && !c.busy);
  }

  /** Runs `work` on the first free case at `stage`, holding it meanwhile; false when there is none. */
  private async withCase(stage: SimCase['stage'], work: (c: SimCase) => Promise<void>): Promise<boolean> {
    const c = this.casesAt(stage)[0];
    if (!c) return false;
    c.busy = true;
    try {
      await work(c);
    } finally {
      c.busy = false;
    }
    return true;
  }

  private async report(): Promise<boolean> {
    const reporter = pick(this.residents);
    const grid = pick(this.grids);
    const category = pick(this.categories);
    const photoIds: string[] = [];
    if (chance(0.6)) {
      const form = new FormData();
      form.append('photo', photo(), 'photo.png');
      const uploaded = await reporter.call('POST', '/api/photos', form);
      if (uploaded.status === 201) photoIds.push(uploaded.data.photoId);
    }
    const location = { lat: between(grid.bounds.south, grid.bounds.north), long: between(grid.bounds.west, grid.bounds.east) };
    const description = pick(DESCRIPTIONS[category.code] ?? DESCRIPTIONS['default']);
    const { status, data } = await reporter.call('POST', '/api/cases', { categoryCode: category.code, description, location, photoIds, anonymous: chance(0.1) });
    if (status !== 201) return false;
    this.cases.push({ caseId: data.caseId, reporter, gridId: data.gridId ?? grid.id, categoryCode: category.code, stage: 'reported', busy: false });
    return true;
  }

  /** Who triages a case: the grid's own worker where that is the demo grid worker, else the street officer. */
  private triager(c: SimCase): Actor {
    return c.gridId === 'grid-hexie-01' ? this.staff.gridWorker : this.staff.streetOfficer;
  }

  private triage(): Promise<boolean> {
    return this.withCase('reported', async (c) => {
      if (chance(0.08)) {
        await this.triager(c).call('POST', `/api/cases/${c.caseId}/reject`, { reason: '经核实不属于受理范围，已电话告知' });
        c.stage = 'done';
        return;
      }
      const { status } = await this.triager(c).call('POST', `/api/cases/${c.caseId}/accept`, {});
      c.stage = status === 200 ? 'accepted' : 'done';
    });
  }

  private dispatch(): Promise<boolean> {
    return this.withCase('accepted', async (c) => {
      const lead = this.categories.find((k) => k.code === c.categoryCode)?.leadDepartmentId;
    // The demo department answers its own cases; the grid worker of grid 01 fixes small things itself;
    // the rest go to their lead departments, who have no one signed in here: a realistic backlog.
      const toGrid = c.gridId === 'grid-hexie-01' && lead !== this.departmentId && chance(0.6);
      const body = toGrid ? { assigneeKind: 'grid_worker' } : { assigneeKind: 'department', departmentId: lead };
      const { status } = await this.triager(c).call('POST', `/api/cases/${c.caseId}/dispatch`, body);
      c.stage = status !== 200 ? 'done' : toGrid ? 'dispatched-grid' : lead === this.departmentId ? 'dispatched-department' : 'done';
    });
  }

  private async acknowledge(): Promise<boolean> {
    const onGrid = chance(0.4)
      ? await this.withCase('dispatched-grid', async (c) => {
          const { status } = await this.staff.gridWorker.call('POST', `/api/cases/${c.caseId}/acknowledge`, {});
          c.stage = status === 200 ? 'acknowledged-grid' : 'done';
        })
      : false;
    if (onGrid) return true;
    const inbox = await this.staff.department.call('GET', `/api/department-dispatch/departments/${this.departmentId}/assignments`);
    const waiting = ((inbox.data?.assignments ?? []) as { assignmentId: string; caseId: string; status: string }[]).filter((a) => a.status === 'created');
    const next = waiting[waiting.length - 1];
    if (!next) return false;
    const { status } = await this.staff.department.call('POST', `/api/department-dispatch/assignments/${next.assignmentId}/acknowledge`, {});
    if (status === 200) this.assignments.set(next.assignmentId, next.caseId);
    return true;
  }

  private async resolve(): Promise<boolean> {
    const notes = pick(['已到现场处理完毕', '已清理并恢复原状', '已约谈相关人员，现场已整改', '已维修，恢复正常']);
    const onGrid = chance(0.5)
      ? await this.withCase('acknowledged-grid', async (c) => {
          const { status } = await this.staff.gridWorker.call('POST', `/api/cases/${c.caseId}/resolve`, { notes, afterPhotoIds: [] });
          c.stage = status === 200 ? 'resolved' : 'done';
        })
      : false;
    if (onGrid) return true;
    const [assignmentId, caseId] = this.assignments.entries().next().value ?? [];
    if (!assignmentId) return false;
    this.assignments.delete(assignmentId);
    const afterPhotoIds: string[] = [];
    if (chance(0.5)) {
      const form = new FormData();
      form.append('photo', photo(), 'after.png');
      const uploaded = await this.staff.department.call('POST', '/api/photos', form);
      if (uploaded.status === 201) afterPhotoIds.push(uploaded.data.photoId);
    }
    const { status } = await this.staff.department.call('POST', `/api/department-dispatch/assignments/${assignmentId}/complete`, { notes, afterPhotoIds });
    const c = this.cases.find((k) => k.caseId === caseId);
    if (c) c.stage = status === 200 ? 'resolved' : 'done';
    return true;
  }

  private async confirm(): Promise<boolean> {
    // The case becomes Resolved when grid-events hears from the department: it may take a moment.
    for (const c of this.casesAt('resolved')) {
      c.busy = true;
      try {
        const detail = await c.reporter.call('GET', `/api/cases/${c.caseId}`);
        if (detail.data?.status !== 'Resolved') continue;
        if (chance(0.1)) {
          await c.reporter.call('POST', `/api/cases/${c.caseId}/reopen`, { reason: '还没有处理好，问题依旧' });
          c.stage = 'done';
        } else {
          const { status } = await c.reporter.call('POST', `/api/cases/${c.caseId}/confirm`, {});
          // A category that asks for no rating closes on confirmation.
          const rated = this.categories.find((k) => k.code === c.categoryCode)?.evaluationRequired !== false;
          c.stage = status === 200 && rated ? 'confirmed' : 'done';
        }
        return true;
      } finally {
        c.busy = false;
      }
    }
    return false;
  }

  private rate(): Promise<boolean> {
    return this.withCase('confirmed', async (c) => {
      const score = pick([5, 5, 5, 4, 4, 3, 2]);
      await c.reporter.call('POST', `/api/cases/${c.caseId}/evaluate`, { score, comment: score >= 4 ? '处理及时，谢谢' : '处理有点慢' });
      c.stage = 'done';
    });
  }

  private async whistle(): Promise<boolean> {
    const other = pick(['dept-huanbao', 'dept-jiaojing', 'dept-shichang', 'dept-zhujian']);
    const { status, data } = await this.staff.streetOfficer.call('POST', `/api/department-dispatch/streets/${this.streetId}/whistles`, {
      title: pick(['河道沿线违章搭建和污水直排', '菜场周边占道经营与交通拥堵', '老旧小区外墙脱落隐患']),
      description: '涉及多个部门，请各部门到现场联合处置。',
      departmentIds: [this.departmentId, other],
      leadDepartmentId: this.departmentId,
    });
    if (status === 201) this.whistles.push({ whistleId: data.whistleId, checkedIn: false });
    return true;
  }

  private async checkIn(): Promise<boolean> {
    const pending = this.whistles.find((w) => !w.checkedIn);
    if (pending) {
      await this.staff.department.call('POST', `/api/department-dispatch/whistles/${pending.whistleId}/check-in`, {});
      pending.checkedIn = true;
      return true;
    }
    const open = this.whistles.shift();
    if (!open) return false;
    await this.staff.department.call('POST', `/api/department-dispatch/whistles/${open.whistleId}/task/complete`, { notes: '已牵头完成现场联合处置' });
    return true;
  }

  private async propose(): Promise<boolean> {
    const [title, description] = pick(TOPICS);
    const { status, data } = await pick(this.residents).call('POST', '/api/deliberation/topics', { title, description, anonymous: chance(0.2) });
    if (status === 201) this.topics.push({ topicId: data.topicId, stage: 'proposed', voters: new Set() });
    return true;
  }

  private async openVoting(): Promise<boolean> {
    const topic = this.topics.find((t) => t.stage === 'proposed');
    if (!topic) return false;
    const officer = this.staff.communityOfficer;
    const base = `/api/deliberation/topics/${topic.topicId}`;
    if ((await officer.call('POST', `${base}/screening`, { outcome: 'accepted' })).status !== 200) return true;
    await officer.call('POST', `${base}/consultation`, { draftPlan: '征求楼组长和物业意见后形成初步方案' });
    await officer.call('POST', `${base}/discussion`, {});
    const { status } = await officer.call('POST', `${base}/voting`, {
      closesAt: new Date(Date.now() + 3.5 * 24 * 3600_000).toISOString(),
      options: { kind: 'yes_no_abstain' },
      eligibility: { scope: 'community', scopeId: 'community-hexie' },
      quorumPercent: 20,
      passThresholdPercent: 50,
    });
    if (status === 200) topic.stage = 'voting';
    else this.topics.splice(this.topics.indexOf(topic), 1);
    return true;
  }

  private async ballot(): Promise<boolean> {
    const topic = pick(this.topics.filter((t) => t.stage === 'voting'));
    if (!topic) return false;
    const voter = this.residents.find((r) => !topic.voters.has(r.username));
    if (!voter) return false;
    topic.voters.add(voter.username);
    await voter.call('PUT', `/api/deliberation/topics/${topic.topicId}/ballot`, { optionId: pick(['yes', 'yes', 'yes', 'no', 'abstain']) });
    return true;
  }

  private async redeem(): Promise<boolean> {
    const resident = pick(this.residents);
    const me = await resident.call('GET', '/api/points/me');
    if ((me.data?.balance ?? 0) < 10 || this.rewardIds.length === 0) return false;
    await resident.call('POST', '/api/points/redemptions', { rewardId: pick(this.rewardIds) });
    return true;
  }

  private async volunteer(): Promise<boolean> {
    const resident = pick(this.residents);
    const { status, data } = await resident.call('POST', '/api/points/time-bank/entries', {
      serviceDate: new Date().toISOString().slice(0, 10),
      hours: pick([0.5, 1, 1.5, 2]),
      activity: pick(ACTIVITIES),
      verifierId: this.staff.communityOfficer.username,
    });
    if (status === 201) await this.staff.communityOfficer.call('POST', `/api/points/time-bank/${resident.subject}/entries/${data.entryId}/verify`, {});
    return true;
  }
}

// ── Progress and summary ───────────────────────────────────────────────────────────────────────────

function progress(done: number, planned: number, startedAt: number, duration: number): string {
  const width = 30;
  const elapsed = Math.min(duration, (Date.now() - startedAt) / 1000);
  const share = Math.min(1, elapsed / duration);
  const filled = Math.round(share * width);
  const errors = [...byStatus].filter(([status]) => Number(status) >= 400).reduce((sum, [, n]) => sum + n, 0);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${planned} actions  ${Math.ceil(duration - elapsed)} s left  ${errors} refused`;
}

function table(title: string, rows: [string, number][]): string {
  const width = Math.max(...rows.map(([k]) => k.length), 10);
  return [title, ...rows.map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(6)}`)].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const targets = parseTargets(options.url);
  for (const base of targets.bases) {
    const health = await fetch(`${base}/health`).catch(() => null);
    if (!health?.ok) throw new Error(`no Gongzhi platform answers at ${base} (start it with \`npm start\` or the distributed set, or pass --url)`);
  }

  const city = new City(targets);
  const runId = Date.now().toString(36);
  process.stdout.write(`Gongzhi simulator: ${options.rate} actions/s for ${options.duration} s against ${options.url}\nSetting up the demo city …\n`);
  await city.setUp(runId);

  const planned = Math.round(options.rate * options.duration);
  const startedAt = Date.now();
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(4, Math.ceil(options.rate * 2));
  let done = 0;
  let skipped = 0;
  const tty = process.stderr.isTTY;
  let lastPrinted = -1;
  const draw = () => {
    const line = progress(done, planned, startedAt, options.duration);
    if (tty) process.stderr.write(`\r${line}`);
    else {
      const tenth = Math.floor(((Date.now() - startedAt) / 1000 / options.duration) * 10);
      if (tenth !== lastPrinted) {
        lastPrinted = tenth;
        process.stderr.write(`${line}\n`);
      }
    }
  };
  const ticker = setInterval(draw, 250);

  for (let n = 0; n < planned; n++) {
    const due = startedAt + (n * 1000) / options.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight.size >= maxInFlight) {
      skipped++; // the platform is slower than the rate asked for: skip rather than pile up
      continue;
    }
    const action: Promise<void> = city
      .act()
      .catch((error: unknown) => {
        bump(byAction, 'failed (network)');
        failures.set('network', error instanceof Error ? error.message : String(error));
      })
      .finally(() => {
        done++;
        inFlight.delete(action);
      });
    inFlight.add(action);
  }
  await Promise.all(inFlight);
  clearInterval(ticker);
  draw();
  if (tty) process.stderr.write('\n');

  const seconds = (Date.now() - startedAt) / 1000;
  const summary = [
    '',
    `Done: ${done} actions in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)}/s)${skipped ? `, ${skipped} skipped because the platform fell behind` : ''}.`,
    table('By action:', [...byAction].sort((a, b) => b[1] - a[1])),
    table('By HTTP status (every request):', [...byStatus].sort()),
  ];
  if (failures.size > 0) summary.push(table('Refused or failed (last reason each):', [...failures].slice(0, 15).map(([k, v]) => [`${k}: ${String(v).slice(0, 100)}`, 0] as [string, number])).replace(/\s+0$/gm, ''));
  summary.push(`Open the city dashboard: ${targets.dashboard}`, '');
  process.stdout.write(summary.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`\nsimulate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
