import type { Actor } from './actor';
import type { Action, City } from './city';
import { photo } from './photo';
import { between, chance, pick } from './random';

interface SimCase {
  caseId: string;
  reporter: Actor;
  gridId: string;
  categoryCode: string;
  stage: 'reported' | 'accepted' | 'dispatched-department' | 'dispatched-grid' | 'acknowledged-grid' | 'resolved' | 'confirmed' | 'done';
  /** Taken by an action in flight, so two concurrent actions never work the same case. */
  busy: boolean;
}

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

/** A case's life: residents report, staff triage and dispatch, handlers acknowledge and resolve, residents confirm and rate. */
export class CaseWork {
  private readonly cases: SimCase[] = [];
  private readonly assignments = new Map<string, string>(); // assignmentId → caseId, for those acknowledged

  constructor(private readonly city: City) {}

  readonly actions: readonly Action[] = [
    ['report', 12, () => this.report()],
    ['triage', 14, () => this.triage()],
    ['dispatch', 12, () => this.dispatch()],
    ['acknowledge', 10, () => this.acknowledge()],
    ['resolve', 10, () => this.resolve()],
    ['confirm', 8, () => this.confirm()],
    ['rate', 8, () => this.rate()],
  ];

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

  async report(): Promise<boolean> {
    const reporter = pick(this.city.residents);
    const grid = pick(this.city.grids);
    const category = pick(this.city.categories);
    const photoIds: string[] = [];
    if (chance(0.6)) {
      const form = new FormData();
      form.append('photo', photo(), 'photo.png');
      const uploaded = await reporter.call('POST', '/api/photos', form);
      if (uploaded.status === 201) photoIds.push(uploaded.data.photoId);
    }
    const location = { lat: between(grid.bounds.south, grid.bounds.north), long: between(grid.bounds.west, grid.bounds.east) };
    const description = pick(DESCRIPTIONS[category.code] ?? DESCRIPTIONS['default']);
    const { status, data } = await reporter.call('POST', '/api/cases', {
      categoryCode: category.code,
      description,
      location,
      photoIds,
      anonymous: chance(0.1),
    });
    if (status !== 201) return false;
    this.cases.push({
      caseId: data.caseId,
      reporter,
      gridId: data.gridId ?? grid.id,
      categoryCode: category.code,
      stage: 'reported',
      busy: false,
    });
    return true;
  }

  /** Who triages a case: the grid's own worker where that is the demo grid worker, else the street officer. */
  private triager(c: SimCase): Actor {
    return c.gridId === 'grid-hexie-01' ? this.city.staff.gridWorker : this.city.staff.streetOfficer;
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
      const lead = this.city.categories.find((k) => k.code === c.categoryCode)?.leadDepartmentId;
      // The demo department answers its own cases; the grid worker of grid 01 fixes small things itself;
      // the rest go to their lead departments, who have no one signed in here: a realistic backlog.
      const toGrid = c.gridId === 'grid-hexie-01' && lead !== this.city.departmentId && chance(0.6);
      const body = toGrid ? { assigneeKind: 'grid_worker' } : { assigneeKind: 'department', departmentId: lead };
      const { status } = await this.triager(c).call('POST', `/api/cases/${c.caseId}/dispatch`, body);
      c.stage = status !== 200 ? 'done' : toGrid ? 'dispatched-grid' : lead === this.city.departmentId ? 'dispatched-department' : 'done';
    });
  }

  private async acknowledge(): Promise<boolean> {
    const { staff, departmentId } = this.city;
    const onGrid = chance(0.4)
      ? await this.withCase('dispatched-grid', async (c) => {
          const { status } = await staff.gridWorker.call('POST', `/api/cases/${c.caseId}/acknowledge`, {});
          c.stage = status === 200 ? 'acknowledged-grid' : 'done';
        })
      : false;
    if (onGrid) return true;
    const inbox = await staff.department.call('GET', `/api/department-dispatch/departments/${departmentId}/assignments`);
    const waiting = ((inbox.data?.assignments ?? []) as { assignmentId: string; caseId: string; status: string }[]).filter(
      (a) => a.status === 'created',
    );
    const next = waiting[waiting.length - 1];
    if (!next) return false;
    const { status } = await staff.department.call('POST', `/api/department-dispatch/assignments/${next.assignmentId}/acknowledge`, {});
    if (status === 200) this.assignments.set(next.assignmentId, next.caseId);
    return true;
  }

  private async resolve(): Promise<boolean> {
    const { staff } = this.city;
    const notes = pick(['已到现场处理完毕', '已清理并恢复原状', '已约谈相关人员，现场已整改', '已维修，恢复正常']);
    const onGrid = chance(0.5)
      ? await this.withCase('acknowledged-grid', async (c) => {
          const { status } = await staff.gridWorker.call('POST', `/api/cases/${c.caseId}/resolve`, { notes, afterPhotoIds: [] });
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
      const uploaded = await staff.department.call('POST', '/api/photos', form);
      if (uploaded.status === 201) afterPhotoIds.push(uploaded.data.photoId);
    }
    const { status } = await staff.department.call('POST', `/api/department-dispatch/assignments/${assignmentId}/complete`, {
      notes,
      afterPhotoIds,
    });
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
          const rated = this.city.categories.find((k) => k.code === c.categoryCode)?.evaluationRequired !== false;
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
}
