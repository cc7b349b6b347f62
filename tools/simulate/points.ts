import type { Action, City } from './city';
import { pick } from './random';

const ACTIVITIES = ['陪伴独居老人', '社区垃圾分类值守', '义务理发', '帮邻居买菜送药', '小区环境清扫'];

/** Residents redeem rewards and log volunteer hours that the community officer verifies. */
export class PointsWork {
  private rewardIds: string[] = [];

  constructor(private readonly city: City) {}

  readonly actions: readonly Action[] = [
    ['redeem', 3, () => this.redeem()],
    ['volunteer-hours', 3, () => this.volunteer()],
  ];

  /** Stocks the reward shop when it is empty, so residents have something to redeem. */
  async setUp(): Promise<void> {
    const { admin } = this.city.staff;
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

  private async redeem(): Promise<boolean> {
    const resident = pick(this.city.residents);
    const me = await resident.call('GET', '/api/points/me');
    if ((me.data?.balance ?? 0) < 10 || this.rewardIds.length === 0) return false;
    await resident.call('POST', '/api/points/redemptions', { rewardId: pick(this.rewardIds) });
    return true;
  }

  private async volunteer(): Promise<boolean> {
    const { staff } = this.city;
    const resident = pick(this.city.residents);
    const { status, data } = await resident.call('POST', '/api/points/time-bank/entries', {
      serviceDate: new Date().toISOString().slice(0, 10),
      hours: pick([0.5, 1, 1.5, 2]),
      activity: pick(ACTIVITIES),
      verifierId: staff.communityOfficer.username,
    });
    if (status === 201)
      await staff.communityOfficer.call('POST', `/api/points/time-bank/${resident.subject}/entries/${data.entryId}/verify`, {});
    return true;
  }
}
