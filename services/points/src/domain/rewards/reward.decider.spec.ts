import { deciderSpec } from '@gongzhi/testing';
import { rewardDecider, type RewardEvent } from './reward.decider';

const spec = deciderSpec(rewardDecider, { now: new Date('2026-11-26T09:00:00Z'), actor: { id: 'admin', kind: 'user' } });
const listed: RewardEvent = {
  type: 'RewardListed',
  data: { rewardId: 'coupon', name: '社区食堂餐券', description: null, pricePoints: 100, stock: 1 },
};
const reserve = (redemptionId: string) => ({ type: 'ReserveStock' as const, data: { rewardId: 'coupon', redemptionId, residentId: 'r' } });
const reserved = (redemptionId: string): RewardEvent => ({
  type: 'RewardStockReserved',
  data: { rewardId: 'coupon', redemptionId, residentId: 'r' },
});
const release = (redemptionId: string) => ({
  type: 'ReleaseStock' as const,
  data: { rewardId: 'coupon', redemptionId, reason: 'cancelled' },
});

describe('reward decider', () => {
  describe('when unlisted', () => {
    it('lists a reward with its price and stock', () => {
      spec
        .given([])
        .when({ type: 'ListReward', data: listed.data as never })
        .then([listed]);
    });
    it('knows no stock of it', () => {
      spec.given([]).when(reserve('x')).thenThrows('REWARD.NOT_FOUND');
    });
  });

  describe('when listed', () => {
    it('holds an item for a redemption', () => {
      spec
        .given([listed])
        .when(reserve('x'))
        .then([reserved('x')]);
    });
    it('never goes below zero stock', () => {
      spec
        .given([listed, reserved('x')])
        .when(reserve('y'))
        .thenThrows('REWARD.OUT_OF_STOCK');
    });
    it('holds once per redemption', () => {
      spec
        .given([listed, reserved('x')])
        .when(reserve('x'))
        .then([]);
    });
    it('releases a held item once, back to stock', () => {
      const back = spec
        .given([listed, reserved('x')])
        .when(release('x'))
        .then([{ type: 'RewardStockReleased', data: release('x').data }]);
      expect(back).toMatchObject({ stock: 1 });
      spec
        .given([listed, reserved('x'), { type: 'RewardStockReleased', data: release('x').data }])
        .when(release('x'))
        .then([]);
    });
    it('restocks', () => {
      spec
        .given([listed])
        .when({ type: 'Restock', data: { rewardId: 'coupon', quantity: 10 } })
        .then([{ type: 'RewardRestocked', data: { rewardId: 'coupon', quantity: 10 } }]);
    });
  });
});
