import type { Principal } from '@gongzhi/identity';
import type { ListRewardRequest } from './list-reward.request';

/** Staff put a reward in the catalogue (e.g. 社区食堂餐券 for 100 points). */
export class ListReward {
  readonly type = 'ListReward';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly reward: ListRewardRequest;
    },
  ) {}
}
