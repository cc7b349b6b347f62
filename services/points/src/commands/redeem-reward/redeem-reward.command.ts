import type { Principal } from '@gongzhi/identity';

/** A resident spends points on one item of a reward. */
export class RedeemReward {
  readonly type = 'RedeemReward';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly rewardId: string;
    },
  ) {}
}
