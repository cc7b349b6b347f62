import type { Action, City } from './city';
import { pick } from './random';

/** The street blows a whistle for several departments; the demo department checks in, then completes its task. */
export class WhistleWork {
  private readonly whistles: { whistleId: string; checkedIn: boolean }[] = [];

  constructor(private readonly city: City) {}

  readonly actions: readonly Action[] = [
    ['whistle', 2, () => this.whistle()],
    ['whistle-check-in', 3, () => this.checkIn()],
  ];

  private async whistle(): Promise<boolean> {
    const { staff, streetId, departmentId } = this.city;
    const other = pick(['dept-huanbao', 'dept-jiaojing', 'dept-shichang', 'dept-zhujian']);
    const { status, data } = await staff.streetOfficer.call('POST', `/api/department-dispatch/streets/${streetId}/whistles`, {
      title: pick(['河道沿线违章搭建和污水直排', '菜场周边占道经营与交通拥堵', '老旧小区外墙脱落隐患']),
      description: '涉及多个部门，请各部门到现场联合处置。',
      departmentIds: [departmentId, other],
      leadDepartmentId: departmentId,
    });
    if (status === 201) this.whistles.push({ whistleId: data.whistleId, checkedIn: false });
    return true;
  }

  private async checkIn(): Promise<boolean> {
    const { staff } = this.city;
    const pending = this.whistles.find((w) => !w.checkedIn);
    if (pending) {
      await staff.department.call('POST', `/api/department-dispatch/whistles/${pending.whistleId}/check-in`, {});
      pending.checkedIn = true;
      return true;
    }
    const open = this.whistles.shift();
    if (!open) return false;
    await staff.department.call('POST', `/api/department-dispatch/whistles/${open.whistleId}/task/complete`, {
      notes: '已牵头完成现场联合处置',
    });
    return true;
  }
}
