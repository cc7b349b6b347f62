import type { DemoClient } from './demo-client';
import type { SeededRandom } from './seeded-random';

const API = '/api/co-building';
const COMMUNITY = 'community-hexie';
const OFFICER = 'demo-community-officer';
const STREET_OFFICER = 'demo-street-officer';
const PROJECTS = [
  ['周末读书会', '每周六下午在活动室读一本书'],
  ['长者手机课堂', '教老人用手机挂号、付款'],
  ['社区二手集市', '每月一次，闲置物品交换'],
  ['亲子手工坊', '周末带孩子做手工'],
  ['楼道微花园', '楼道窗台种花，邻居轮流养护'],
] as const;
const ORGANISATIONS = [
  ['邻里互助会', 'mutual_aid', ['帮老人买菜', '邻里调解']],
  ['文体队', 'culture_sports', ['广场舞', '太极拳']],
  ['暖心志愿服务社', 'public_welfare', ['探访独居老人', '助餐']],
  ['法律咨询工作室', 'professional_service', ['法律咨询', '调解纠纷']],
] as const;
const OFFERS = [
  { kind: 'service', title: '每周送餐', description: '附近餐厅为独居老人送餐', category: 'service.meals', tags: ['elderly', 'meals'] },
  { kind: 'goods', title: '闲置折叠桌椅', description: '二十套，活动可借', category: 'goods.furniture', tags: ['events'] },
  { kind: 'skill', title: '义务理发', description: '每月一次为老人理发', category: 'service.haircut', tags: ['elderly'] },
  {
    kind: 'space',
    title: '楼下架空层',
    description: '周末可用于亲子活动',
    category: 'space.open-floor',
    tags: ['children'],
    opensAt: '09:00',
    closesAt: '18:00',
  },
] as const;
const CITY_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const GRADES = ['3A', '4A', '5A', '2A'] as const;

interface LivingProject {
  readonly projectId: string;
  readonly team: string[];
  started: number;
}

/**
 * The community's partner projects (合伙人项目), as its residents and officers run them through the API: the activity
 * room is listed, organisations registered and graded by the street, residents start projects, join teams, borrow
 * the room (one request in four declined, with a reason), hold activities, earn income split with the public fund,
 * and the community spends from the fund once it holds enough.
 */
export class CoBuildingLife {
  private roomId?: string;
  private readonly projects: LivingProject[] = [];
  private started = 0;
  private offered = 0;
  private registered = 0;

  constructor(
    private readonly client: DemoClient,
    private readonly random: SeededRandom,
    private readonly residents: readonly string[],
  ) {}

  async morning(day: number): Promise<void> {
    if (!this.roomId) await this.openTheCommunity();
    if (day % 5 === 1) await this.startProject(day);
    if (day % 6 === 4) await this.offer();
    if (day % 10 === 7) await this.registerAndGrade(day);
    for (const project of this.projects) {
      if (day - project.started === 1) await this.joinAndBorrow(project);
      if (day > project.started && (day - project.started) % 4 === 2) await this.holdActivity(project);
    }
  }

  async evening(day: number): Promise<void> {
    for (const project of this.projects.filter((p) => day > p.started && (day - p.started) % 6 === 3)) await this.earn(project);
    if (day % 7 === 6) await this.spendFromFund();
    if (day % 2 === 0) await this.book();
  }

  private async openTheCommunity(): Promise<void> {
    const listed = await this.client.call(OFFICER, 'GET', `${API}/resources`);
    const resources = (Array.isArray(listed.data) ? listed.data : (listed.data?.items ?? listed.data?.resources ?? [])) as Array<{
      resourceId: string;
      kind: string;
    }>;
    this.roomId = resources.find((r) => r.kind === 'space')?.resourceId;
    if (this.roomId) return;
    const room = await this.client.call(OFFICER, 'POST', `${API}/resources`, {
      kind: 'space',
      title: '社区活动室',
      description: '可容纳 30 人，有投影',
      category: 'space.activity-room',
      tags: ['reading', 'meals'],
      opensAt: '08:00',
      closesAt: '21:00',
    });
    if (room.status === 201) this.roomId = room.data.resourceId;
  }

  /** A company's, a resident's or the community's offer to the list, one every few days. */
  private async offer(): Promise<void> {
    const { kind, ...offer } = OFFERS[this.offered++ % OFFERS.length];
    const byResident = kind === 'skill';
    await this.client.call(byResident ? this.random.pick(this.residents) : OFFICER, 'POST', `${API}/resources`, {
      kind,
      ...offer,
      ...(kind === 'service' ? { offeredByKind: 'company', offeredByName: '老饭店' } : {}),
    });
  }

  /** A social organisation registered by the community, and its grade (等级评估) given by the street. */
  private async registerAndGrade(day: number): Promise<void> {
    const n = this.registered++;
    const [name, kind, services] = ORGANISATIONS[n % ORGANISATIONS.length];
    const round = Math.floor(n / ORGANISATIONS.length);
    const registered = await this.client.call(OFFICER, 'POST', `${API}/organisations`, {
      name: `和谐社区${name}${round > 0 ? `（第${round + 1}分会）` : ''}`,
      communityId: COMMUNITY,
      kind,
      services,
    });
    if (registered.status !== 201) return;
    const evaluatedOn = this.cityDay(0);
    await this.client.call(STREET_OFFICER, 'POST', `${API}/organisations/${registered.data.organisationId}/grades`, {
      grade: GRADES[(n + day) % GRADES.length],
      evaluatedOn,
      validUntil: `${Number(evaluatedOn.slice(0, 4)) + 2}${evaluatedOn.slice(4)}`,
      note: '年度等级评估',
    });
  }

  private async startProject(day: number): Promise<void> {
    const [title, summary] = PROJECTS[this.started++ % PROJECTS.length];
    const leader = this.random.pick(this.residents);
    const started = await this.client.call(leader, 'POST', `${API}/projects`, { title, summary });
    if (started.status === 201) this.projects.push({ projectId: started.data.projectId, team: [leader], started: day });
  }

  private async joinAndBorrow(project: LivingProject): Promise<void> {
    for (const resident of this.residents.filter((r) => !project.team.includes(r) && this.random.chance(0.2))) {
      const joined = await this.client.call(resident, 'POST', `${API}/projects/${project.projectId}/team`);
      if (joined.status === 200) project.team.push(resident);
    }
    if (!this.roomId) return;
    const path = `${API}/projects/${project.projectId}/resource-requests`;
    const requested = await this.client.call(this.random.pick(project.team), 'POST', path, {
      resourceId: this.roomId,
      purpose: '借活动室开展活动',
    });
    if (requested.status !== 201) return;
    if (this.random.chance(0.25))
      await this.client.call(OFFICER, 'POST', `${path}/${requested.data.requestId}/decline`, { reason: '本周活动室已排满，请改期' });
    else await this.client.call(OFFICER, 'POST', `${path}/${requested.data.requestId}/approve`, {});
  }

  private async holdActivity(project: LivingProject): Promise<void> {
    await this.client.call(this.random.pick(project.team), 'POST', `${API}/projects/${project.projectId}/activities`, {
      heldOn: this.cityDay(0),
      summary: this.random.pick(['活动顺利开展', '来了不少新面孔', '大家意犹未尽，约好下次再来']),
      participants: this.random.integer(6, 30),
    });
  }

  private async earn(project: LivingProject): Promise<void> {
    await this.client.call(project.team[0], 'POST', `${API}/projects/${project.projectId}/income`, {
      source: this.random.pick(['space_rent', 'service_fee', 'donation'] as const),
      description: this.random.pick(['周末场地出租', '课程服务费', '居民捐赠']),
      amountFen: this.random.integer(50, 600) * 100,
    });
  }

  private async spendFromFund(): Promise<void> {
    const ledger = await this.client.call(OFFICER, 'GET', `${API}/fund/${COMMUNITY}/ledger`);
    const balance = Number(ledger.data?.balanceFen ?? 0);
    if (balance < 10_000) return;
    await this.client.call(OFFICER, 'POST', `${API}/fund/${COMMUNITY}/spendings`, {
      amountFen: Math.floor(balance / 2),
      purpose: this.random.pick(['更换楼道灯', '购买活动物资', '修缮休闲座椅']),
    });
  }

  private async book(): Promise<void> {
    if (!this.roomId) return;
    const from = this.random.pick(['09:00', '14:00', '18:00']);
    // Half the bookings are a project's, made by one of its team.
    const project = this.projects.length > 0 && this.random.chance(0.5) ? this.random.pick(this.projects) : undefined;
    await this.client.call(
      project ? this.random.pick(project.team) : this.random.pick(this.residents),
      'POST',
      `${API}/resources/${this.roomId}/bookings`,
      {
        day: this.cityDay(this.random.integer(1, 3)),
        from,
        to: `${Number(from.slice(0, 2)) + 2}:00`,
        purpose: this.random.pick(['棋牌', '太极', '合唱排练', '读书会']),
        projectId: project?.projectId ?? null,
      },
    );
  }

  /** The calendar day in the city, `days` after now: what a person types into a booking or a report. */
  private cityDay(days: number): string {
    return CITY_DAY.format(new Date(this.client.now().getTime() + days * 86_400_000));
  }
}
