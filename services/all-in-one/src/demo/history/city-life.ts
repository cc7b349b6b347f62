import { CoBuildingLife } from './co-building-life';
import { holdCouncilMeeting, photographSlip, recordAssistedBallot } from './council-meeting';
import type { DemoClient } from './demo-client';
import type { SeededRandom } from './seeded-random';
import { WhistleLife } from './whistle-life';

export const STAFF = {
  gridWorker: 'demo-grid-worker',
  communityOfficer: 'demo-community-officer',
  streetOfficer: 'demo-street-officer',
  department: 'demo-department-staff',
  supervisor: 'demo-supervisor',
} as const;
const OWN_DEPARTMENT = 'dept-chengguan';
const COMMUNITY = 'community-hexie';

export interface Grid {
  readonly id: string;
  readonly bounds: { south: number; west: number; north: number; east: number };
}
export interface Category {
  readonly code: string;
  readonly leadDepartmentId: string;
  readonly evaluationRequired: boolean;
}

type CaseStage = 'reported' | 'accepted' | 'with-grid' | 'with-department' | 'acknowledged' | 'resolved' | 'confirmed' | 'done';
interface LivingCase {
  readonly caseId: string;
  readonly reporter: string;
  readonly gridId: string;
  readonly category: Category;
  stage: CaseStage;
  since: number;
  assignmentId?: string;
}

type TopicStage =
  'proposed' | 'screened' | 'consulted' | 'discussing' | 'voting' | 'closed' | 'adopted' | 'building' | 'completed' | 'done';
interface LivingTopic {
  readonly topicId: string;
  readonly title: string;
  slipPhotoId?: string;
  stage: TopicStage;
  since: number;
  progress: number;
}

const DESCRIPTIONS = ['这里有问题，麻烦尽快处理', '已经好几天了，影响大家出行', '老人孩子经过很危险，请看一下', '晚上经过这里很不方便'];
const TOPICS = [
  ['老楼加装电梯', '3 号楼六层，老人上下楼困难，想商量加装电梯和费用分摊。'],
  ['小区增设充电桩', '电动车在楼道充电有火灾隐患，建议在车棚增设充电桩。'],
  ['楼下空地改成口袋公园', '空地常年堆杂物，想改成有座椅和绿化的小花园。'],
  ['规范广场舞时间和音量', '建议晚上八点半后降低音量，照顾休息的邻居。'],
  ['增加垃圾分类指导员', '早晚投放高峰请志愿者值守，帮助大家分类。'],
  ['楼道加装扶手', '老人上下楼不便，建议每层加装扶手。'],
  ['小区门口增设非机动车停放区', '共享单车乱停，堵住了出入口。'],
  ['在小区里开一个共享工具角', '邻居之间互借梯子、电钻等工具。'],
  ['周末亲子阅读角', '利用活动室开设周末亲子阅读。'],
  ['夜间巡逻志愿队', '组织居民轮流夜间巡逻，提升安全感。'],
] as const;
const ACTIVITIES = ['陪伴独居老人', '社区垃圾分类值守', '义务理发', '帮邻居买菜送药', '小区环境清扫'];
const NEEDS = [
  ['路灯维修', 30_000],
  ['加装休闲座椅', 20_000],
  ['楼道扶手', 25_000],
  ['健身器材更新', 40_000],
  ['雨棚修缮', 15_000],
] as const;

/**
 * The everyday life of the demo city, one slot of a day at a time, through the platform's API: residents report
 * (with photos) and follow up, staff triage, dispatch, acknowledge and resolve, the street blows whistles, the
 * council takes topics from proposal to an evaluated implementation, the community runs a micro-budget year,
 * residents log volunteer hours. Some work is left undone on purpose: overdue cases and missed check-ins.
 */
export class CityLife {
  private readonly cases: LivingCase[] = [];
  private readonly topics: LivingTopic[] = [];
  private budget?: { pool: string; projects: string[]; stage: 'open' | 'voting' | 'closed' | 'completed' | 'evaluated'; since: number };

  constructor(
    private readonly client: DemoClient,
    private readonly random: SeededRandom,
    private readonly residents: readonly string[],
    private readonly grids: readonly Grid[],
    private readonly categories: readonly Category[],
    private readonly year: number,
  ) {
    this.whistleLife = new WhistleLife(client, random, residents);
    this.coBuilding = new CoBuildingLife(client, random, residents);
  }

  private readonly whistleLife: WhistleLife;
  private readonly coBuilding: CoBuildingLife;

  async morning(day: number): Promise<void> {
    if (day === 0) await this.goPublic();
    for (let n = this.random.integer(1, 3); n > 0; n--) await this.report(day);
    for (const c of this.casesAt('reported')) await this.triage(c, day);
    for (const c of this.casesAt('accepted')) await this.dispatch(c, day);
    await this.council(day);
    await this.microBudget(day);
    await this.whistleLife.morning(day);
    await this.coBuilding.morning(day);
  }

  async afternoon(day: number): Promise<void> {
    for (const c of this.casesAt('with-grid')) if (this.random.chance(0.85)) await this.gridWorkerAcknowledges(c, day);
    await this.departmentAcknowledges(day);
    await this.whistleLife.afternoon(day);
    if (day % 3 === 0) await this.volunteer(day);
  }

  async evening(day: number): Promise<void> {
    for (const c of this.casesAt('acknowledged').filter((c) => day - c.since >= 1)) await this.resolve(c, day);
    for (const c of this.casesAt('resolved').filter((c) => day - c.since >= 1)) await this.followUp(c, day);
    for (const c of this.casesAt('confirmed')) await this.rate(c, day);
    await this.whistleLife.evening(day);
    await this.coBuilding.evening(day);
    if (day % 7 === 5) await this.redeem();
  }

  /** Most residents show their name on the honour roll (居民功劳簿); the rest stay off it. */
  private async goPublic(): Promise<void> {
    for (const resident of this.residents.filter((r, n) => n === 0 || this.random.chance(0.7)))
      await this.client.call(resident, 'PUT', '/api/points/me/profile', { displayName: this.client.displayNameOf(resident) });
  }

  private casesAt(stage: CaseStage): LivingCase[] {
    return this.cases.filter((c) => c.stage === stage);
  }

  private async report(day: number): Promise<void> {
    // 王秀英 (the demo resident) is the street's keenest reporter, mostly of litter and pollution: her badge is earned.
    const keen = this.random.chance(0.5);
    const reporter = keen ? this.residents[0] : this.random.pick(this.residents);
    const environmental = this.categories.filter((c) => c.code.startsWith('environment.'));
    const category = this.random.pick(keen && environmental.length > 0 && this.random.chance(0.7) ? environmental : this.categories);
    const grid = this.random.pick(this.grids);
    const photoIds = this.random.chance(0.6) ? await this.client.photo(reporter, this.random) : [];
    const { bounds } = grid;
    const reported = await this.client.call(reporter, 'POST', '/api/cases', {
      categoryCode: category.code,
      description: this.random.pick(DESCRIPTIONS),
      location: { lat: this.random.between(bounds.south, bounds.north), long: this.random.between(bounds.west, bounds.east) },
      photoIds,
      anonymous: this.random.chance(0.1),
    });
    if (reported.status === 201)
      this.cases.push({
        caseId: reported.data.caseId,
        reporter,
        gridId: reported.data.gridId ?? grid.id,
        category,
        stage: 'reported',
        since: day,
      });
  }

  private async triage(c: LivingCase, day: number): Promise<void> {
    const path = `/api/cases/${c.caseId}`;
    const roll = this.random.next();
    if (roll < 0.07) {
      await this.client.call(STAFF.streetOfficer, 'POST', `${path}/reject`, {
        reason: this.random.pick(['经核实不属于受理范围，已电话告知', '属于物业管理范围，已转告物业', '现场核实问题不存在']),
      });
      return this.move(c, 'done', day);
    }
    const duplicateOf = this.cases.find(
      (o) => o !== c && o.category.code === c.category.code && o.gridId === c.gridId && o.stage !== 'done',
    );
    if (roll < 0.12 && duplicateOf) {
      const merged = await this.client.call(STAFF.streetOfficer, 'POST', `${path}/merge`, { intoCaseId: duplicateOf.caseId });
      if (merged.status === 200) return this.move(c, 'done', day);
    }
    const accepted = await this.client.call(STAFF.streetOfficer, 'POST', `${path}/accept`, {});
    this.move(c, accepted.status === 200 ? 'accepted' : 'done', day);
  }

  private async dispatch(c: LivingCase, day: number): Promise<void> {
    const toGrid = c.gridId === 'grid-hexie-01' && this.random.chance(0.6);
    // Most cases go to the demo department, who answers them; the rest to their lead departments, whose staff
    // are not signed in here: a backlog that goes overdue and is escalated, as in a real city.
    const departmentId = this.random.chance(0.75) ? OWN_DEPARTMENT : c.category.leadDepartmentId;
    const body = toGrid ? { assigneeKind: 'grid_worker' } : { assigneeKind: 'department', departmentId };
    const dispatched = await this.client.call(STAFF.streetOfficer, 'POST', `/api/cases/${c.caseId}/dispatch`, body);
    if (dispatched.status !== 200) return this.move(c, 'done', day);
    this.move(c, toGrid ? 'with-grid' : departmentId === OWN_DEPARTMENT ? 'with-department' : 'done', day);
  }

  private async gridWorkerAcknowledges(c: LivingCase, day: number): Promise<void> {
    const acknowledged = await this.client.call(STAFF.gridWorker, 'POST', `/api/cases/${c.caseId}/acknowledge`, {});
    this.move(c, acknowledged.status === 200 ? 'acknowledged' : 'done', day);
  }

  private async departmentAcknowledges(day: number): Promise<void> {
    const waiting = this.casesAt('with-department');
    if (waiting.length === 0) return;
    const inbox = await this.client.call(STAFF.department, 'GET', `/api/department-dispatch/departments/${OWN_DEPARTMENT}/assignments`);
    const assignments = (inbox.data?.assignments ?? []) as { assignmentId: string; caseId: string; status: string }[];
    for (const c of waiting) {
      const assignment = assignments.find((a) => a.caseId === c.caseId && a.status === 'created');
      // One in ten is left lying: its deadline passes and the SLA marks it overdue.
      if (!assignment || this.random.chance(0.1)) continue;
      const acknowledged = await this.client.call(
        STAFF.department,
        'POST',
        `/api/department-dispatch/assignments/${assignment.assignmentId}/acknowledge`,
        {},
      );
      c.assignmentId = assignment.assignmentId;
      this.move(c, acknowledged.status === 200 ? 'acknowledged' : 'done', day);
    }
  }

  private async resolve(c: LivingCase, day: number): Promise<void> {
    const notes = this.random.pick(['已到现场处理完毕', '已清理并恢复原状', '已约谈相关人员，现场已整改', '已维修，恢复正常']);
    const staff = c.assignmentId ? STAFF.department : STAFF.gridWorker;
    const afterPhotoIds = this.random.chance(0.5) ? await this.client.photo(staff, this.random) : [];
    const resolved = c.assignmentId
      ? await this.client.call(staff, 'POST', `/api/department-dispatch/assignments/${c.assignmentId}/complete`, { notes, afterPhotoIds })
      : await this.client.call(staff, 'POST', `/api/cases/${c.caseId}/resolve`, { notes, afterPhotoIds });
    this.move(c, resolved.status === 200 ? 'resolved' : 'done', day);
  }

  private async followUp(c: LivingCase, day: number): Promise<void> {
    const path = `/api/cases/${c.caseId}`;
    const detail = await this.client.call(c.reporter, 'GET', path);
    if (detail.data?.status !== 'Resolved') return this.move(c, 'done', day);
    // Some reporters never answer: the case closes itself after the configured wait.
    if (this.random.chance(0.1)) return this.move(c, 'done', day);
    if (this.random.chance(0.08)) {
      await this.client.call(c.reporter, 'POST', `${path}/reopen`, { reason: '还没有处理好，问题依旧' });
      this.move(c, c.assignmentId ? 'done' : 'with-grid', day);
      return;
    }
    const confirmed = await this.client.call(c.reporter, 'POST', `${path}/confirm`, {});
    this.move(c, confirmed.status === 200 && c.category.evaluationRequired ? 'confirmed' : 'done', day);
  }

  private async rate(c: LivingCase, day: number): Promise<void> {
    const score = this.random.pick([5, 5, 5, 4, 4, 3, 2]);
    await this.client.call(c.reporter, 'POST', `/api/cases/${c.caseId}/evaluate`, {
      score,
      comment: score >= 4 ? '处理及时，谢谢' : '处理有点慢',
    });
    this.move(c, 'done', day);
  }

  private move(c: LivingCase, stage: CaseStage, day: number): void {
    c.stage = stage;
    c.since = day;
  }

  /** A topic every nine days, each taken one step further every day or two, from proposal to evaluation. */
  private async council(day: number): Promise<void> {
    if (day % 9 === 0) {
      const [title, description] = TOPICS[(day / 9) % TOPICS.length];
      const proposed = await this.client.call(this.random.pick(this.residents), 'POST', '/api/deliberation/topics', {
        title,
        description,
        anonymous: this.random.chance(0.2),
      });
      if (proposed.status === 201) this.topics.push({ topicId: proposed.data.topicId, title, stage: 'proposed', since: day, progress: 0 });
    }
    for (const topic of [...this.topics]) await this.advanceTopic(topic, day);
  }

  private async advanceTopic(topic: LivingTopic, day: number): Promise<void> {
    const officer = STAFF.communityOfficer;
    const path = `/api/deliberation/topics/${topic.topicId}`;
    const waited = day - topic.since;
    const step = async (stage: TopicStage, answer: Promise<{ status: number }>) => {
      topic.stage = (await answer).status < 300 ? stage : 'done';
      topic.since = day;
    };
    switch (topic.stage) {
      case 'proposed':
        if (waited < 1) return;
        if (this.topics.indexOf(topic) % 5 === 3)
          return step(
            'done',
            this.client.call(officer, 'POST', `${path}/screening`, {
              outcome: 'rejected',
              reason: '属于物业合同约定事项，已转物业公司办理',
            }),
          );
        return step('screened', this.client.call(officer, 'POST', `${path}/screening`, { outcome: 'accepted' }));
      case 'screened':
        if (waited < 1) return;
        await step(
          'consulted',
          this.client.call(officer, 'POST', `${path}/consultation`, { draftPlan: '征求楼组长和物业意见后形成初步方案' }),
        );
        await this.client.call(officer, 'POST', `${path}/stakeholder-inputs`, {
          stakeholder: '物业公司',
          input: '可以配合施工，费用需商议',
        });
        return;
      case 'consulted':
        if (waited < 2) return;
        await step('discussing', this.client.call(officer, 'POST', `${path}/discussion`, {}));
        await holdCouncilMeeting(this.client, this.random, topic, this.residents);
        topic.slipPhotoId = await photographSlip(this.client, this.random);
        for (const resident of this.residents.slice(0, 4))
          await this.client.call(resident, 'POST', `${path}/comments`, {
            text: this.random.pick(['支持！', '费用怎么分摊？', '希望尽快落实', '建议先做个试点']),
          });
        return;
      case 'discussing':
        if (waited < 2) return;
        return step(
          'voting',
          this.client.call(officer, 'POST', `${path}/voting`, {
            closesAt: this.daysFromNow(3),
            options: { kind: 'yes_no_abstain' },
            eligibility: { scope: 'community', scopeId: COMMUNITY },
            quorumPercent: 30,
            passThresholdPercent: 50,
          }),
        );
      case 'voting': {
        if (waited > 2) return;
        // Residents vote over the first days of the window; the durable timer closes it. One neighbour of the grid
        // worker's grid cannot use the app: the grid worker records their ballot on a visit.
        const [, visited] = this.residents;
        if (waited === 1 && topic.slipPhotoId)
          await recordAssistedBallot(this.client, this.random, topic.topicId, visited, topic.slipPhotoId);
        for (const resident of this.residents.filter((r) => r !== visited && this.random.chance(0.3)))
          await this.client.call(resident, 'PUT', `${path}/ballot`, { optionId: this.random.pick(['yes', 'yes', 'yes', 'no', 'abstain']) });
        if (waited === 2) topic.stage = 'closed';
        return;
      }
      case 'closed': {
        const state = await this.client.call(officer, 'GET', path);
        if (state.data?.status !== 'VotingClosed') return;
        const passed = state.data?.result?.passed === true;
        return step(
          passed ? 'adopted' : 'done',
          this.client.call(officer, 'POST', `${path}/decision`, {
            result: passed ? 'adopted' : 'rejected',
            reasons: passed ? '投票通过，纳入社区年度实事项目' : '未达到通过票数，暂缓实施',
          }),
        );
      }
      case 'adopted':
      case 'building': {
        if (waited < 3) return;
        topic.progress += 30;
        if (topic.progress < 100) {
          const photoIds = await this.client.photo(STAFF.supervisor, this.random);
          return step(
            'building',
            this.client.call(STAFF.supervisor, 'POST', `${path}/progress`, {
              percent: topic.progress,
              note: `施工进度 ${topic.progress}%`,
              photoIds,
            }),
          );
        }
        return step(
          'completed',
          this.client.call(STAFF.supervisor, 'POST', `${path}/completion`, { summary: '项目已完工，居民已投入使用' }),
        );
      }
      case 'completed':
        if (waited < 2) return;
        for (const resident of this.residents.filter(() => this.random.chance(0.4)))
          await this.client.call(resident, 'POST', `${path}/evaluations`, { score: this.random.pick([5, 5, 4, 4, 3]), comment: '满意' });
        topic.stage = 'done';
        return;
      case 'done':
        return;
    }
  }

  /** One micro-budget year (民生微实事): ordered, matched, voted, built and evaluated inside the history. */
  private async microBudget(day: number): Promise<void> {
    const officer = STAFF.communityOfficer;
    const pool = `/api/deliberation/budgets/${COMMUNITY}/${this.year}`;
    if (day === 3) {
      const opened = await this.client.call(officer, 'POST', '/api/deliberation/budgets', { year: this.year, baseAmountYuan: 100_000 });
      if (opened.status !== 201) return;
      this.budget = { pool, projects: [], stage: 'open', since: day };
      for (const [i, [title]] of NEEDS.entries()) {
        const ordered = await this.client.call(this.residents[i], 'POST', `${pool}/needs`, {
          title,
          description: `${title}，居民反映多次`,
          anonymous: i === 2,
        });
        if (ordered.status !== 201) continue;
        const matched = await this.client.call(officer, 'POST', `${pool}/needs/${ordered.data.needId}/match`, {
          provider: '黄浦区某物业服务公司',
          costYuan: NEEDS[i][1],
        });
        if (matched.status === 200) this.budget.projects.push(matched.data.projectId);
      }
      return;
    }
    const budget = this.budget;
    if (!budget) return;
    if (budget.stage === 'open' && day === 8) {
      const voting = await this.client.call(officer, 'POST', `${pool}/voting`, { closesAt: this.daysFromNow(4) });
      if (voting.status !== 200) return;
      budget.stage = 'voting';
      for (const resident of this.residents) {
        const choice = budget.projects.filter(() => this.random.chance(0.5)).slice(0, 3);
        if (choice.length > 0) await this.client.call(resident, 'PUT', `${pool}/ballot`, { projectIds: choice });
      }
    } else if (budget.stage === 'voting' && day >= 14) {
      const closed = await this.client.call(officer, 'GET', pool);
      budget.projects = ((closed.data?.projects ?? []) as { projectId: string; status: string }[])
        .filter((p) => p.status === 'funded')
        .map((p) => p.projectId);
      budget.stage = 'closed';
      budget.since = day;
    } else if (budget.stage === 'closed' && day - budget.since >= 10) {
      for (const project of budget.projects) {
        await this.client.call(STAFF.supervisor, 'POST', `${pool}/projects/${project}/progress`, {
          percent: 60,
          note: '已完成主体施工',
          photoIds: [],
        });
        await this.client.call(STAFF.supervisor, 'POST', `${pool}/projects/${project}/completion`, { summary: '已完工并验收' });
      }
      budget.stage = 'completed';
      budget.since = day;
    } else if (budget.stage === 'completed' && day - budget.since >= 5) {
      for (const project of budget.projects)
        for (const resident of this.residents.filter(() => this.random.chance(0.5)))
          await this.client.call(resident, 'POST', `${pool}/projects/${project}/evaluations`, {
            score: this.random.pick([5, 4, 4, 3]),
            comment: '效果不错',
          });
      budget.stage = 'evaluated';
    }
  }

  private async volunteer(day: number): Promise<void> {
    for (const resident of this.residents.filter(() => this.random.chance(0.25))) {
      const logged = await this.client.call(resident, 'POST', '/api/points/time-bank/entries', {
        serviceDate: this.daysFromNow(0).slice(0, 10),
        hours: this.random.pick([0.5, 1, 1.5, 2]),
        activity: this.random.pick(ACTIVITIES),
        verifierId: STAFF.communityOfficer,
      });
      if (logged.status === 201)
        await this.client.call(
          STAFF.communityOfficer,
          'POST',
          `/api/points/time-bank/${this.client.subjectOf(resident)}/entries/${logged.data.entryId}/verify`,
          {},
        );
    }
    void day;
  }

  private async redeem(): Promise<void> {
    const rewards = await this.client.call(STAFF.communityOfficer, 'GET', '/api/points/rewards');
    const ids = ((rewards.data ?? []) as { rewardId: string }[]).map((r) => r.rewardId);
    if (ids.length === 0) return;
    for (const resident of this.residents.filter(() => this.random.chance(0.2)))
      await this.client.call(resident, 'POST', '/api/points/redemptions', { rewardId: this.random.pick(ids) });
  }

  private daysFromNow(days: number): string {
    return new Date(this.client.now().getTime() + days * 86_400_000).toISOString();
  }
}
