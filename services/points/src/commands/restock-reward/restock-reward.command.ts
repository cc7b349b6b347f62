import type { Principal } from '@gongzhi/identity';

/** Staff add items to a reward's stock. */
export class RestockReward {
  constructor(
    readonly principal: Principal,
    readonly rewardId: string,
    readonly quantity: number,
  ) {}
}
