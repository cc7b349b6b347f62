import type { Principal } from '@gongzhi/identity';

/** Staff add items to a reward's stock. */
export class RestockReward {
  readonly type = 'RestockReward';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly rewardId: string;
      readonly quantity: number;
    },
  ) {}
}
