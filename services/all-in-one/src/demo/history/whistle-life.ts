import type { DemoAccount } from '@gongzhi/identity';
import type { DemoClient } from './demo-client';
import type { SeededRandom } from './seeded-random';

const STREET = 'street-nanjingdong';
const STREET_OFFICER = 'demo-street-officer';
/** The summoned departments and who answers for each: the demo department's staff and one colleague at 区环保局. */
const ANSWERING = { 'dept-chengguan': 'demo-department-staff', 'dept-huanbao': 'demo-huanbao-staff' } as const;
type Department = keyof typeof ANSWERING;
const LEAD: Department = 'dept-chengguan';

/** The 区环保局 colleague a whistle also summons, so joint handling has two departments to wait for. */
export const PARTNER_STAFF: DemoAccount = {
  username: ANSWERING['dept-huanbao'],
  password: 'demo-huanbao-staff-2026',
  displayName: '钱卫国（区环保局）',
  role: 'department_staff',
  scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', departmentId: 'dept-huanbao' },
};

interface LivingWhistle {
  readonly whistleId: string;
  readonly blownOn: number;
  readonly checkedIn: Set<Department>;
}

/**
 * 街乡吹哨、部门报到 as the street and two departments live it: the street blows, the lead department mostly checks in
 * within the half hour while the other is often late (missed, escalated by the durable timers), both do their part
 * of the joint handling, the whistle resolves, and the street and some residents evaluate each department.
 */
export class WhistleLife {
  private readonly whistles: LivingWhistle[] = [];

  constructor(
    private readonly client: DemoClient,
    private readonly random: SeededRandom,
    private readonly residents: readonly string[],
  ) {}

  async morning(day: number): Promise<void> {
    if (day % 6 !== 2) return;
    const blown = await this.client.call(STREET_OFFICER, 'POST', `/api/department-dispatch/streets/${STREET}/whistles`, {
      title: this.random.pick(['河道沿线违章搭建和污水直排', '菜场周边占道经营与油烟扰民', '老旧小区外墙脱落与垃圾堆放']),
      description: '涉及多个部门，请各部门到现场联合处置。',
      departmentIds: Object.keys(ANSWERING),
      leadDepartmentId: LEAD,
    });
    if (blown.status !== 201) return;
    const whistle: LivingWhistle = { whistleId: blown.data.whistleId, blownOn: day, checkedIn: new Set() };
    this.whistles.push(whistle);
    if (this.random.chance(0.7)) await this.checkIn(whistle, LEAD);
  }

  /** Whoever has not checked in does so hours late: the deadline was missed and escalated by then. */
  async afternoon(day: number): Promise<void> {
    for (const whistle of this.whistles)
      for (const department of Object.keys(ANSWERING) as Department[])
        if (!whistle.checkedIn.has(department) && (department === LEAD || day > whistle.blownOn || this.random.chance(0.6)))
          await this.checkIn(whistle, department);
  }

  async evening(day: number): Promise<void> {
    for (const whistle of this.whistles.filter((w) => w.checkedIn.size === 2 && day - w.blownOn >= 1)) {
      for (const [department, staff] of Object.entries(ANSWERING))
        await this.client.call(staff, 'POST', `/api/department-dispatch/whistles/${whistle.whistleId}/task/complete`, {
          notes: department === LEAD ? '已牵头完成现场联合处置' : '已完成污染源排查和整改',
        });
      await this.evaluate(whistle);
      this.whistles.splice(this.whistles.indexOf(whistle), 1);
    }
  }

  private async checkIn(whistle: LivingWhistle, department: Department): Promise<void> {
    const answer = await this.client.call(
      ANSWERING[department],
      'POST',
      `/api/department-dispatch/whistles/${whistle.whistleId}/check-in`,
      {},
    );
    if (answer.status < 300 || answer.data?.code === 'WHISTLE.ALREADY_CHECKED_IN') whistle.checkedIn.add(department);
  }

  private async evaluate(whistle: LivingWhistle): Promise<void> {
    const path = `/api/department-dispatch/whistles/${whistle.whistleId}/evaluations`;
    for (const departmentId of Object.keys(ANSWERING)) {
      const score = departmentId === LEAD ? this.random.pick([5, 4, 4]) : this.random.pick([4, 3, 2]);
      await this.client.call(STREET_OFFICER, 'POST', path, {
        departmentId,
        score,
        comment: score >= 4 ? '响应及时，配合到位' : '报到不及时',
      });
      for (const resident of this.residents.filter(() => this.random.chance(0.15)))
        await this.client.call(resident, 'POST', path, { departmentId, score: this.random.pick([5, 4, 3]), comment: null });
    }
  }
}
