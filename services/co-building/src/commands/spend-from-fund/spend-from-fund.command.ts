import type { Principal } from '@gongzhi/identity';
import type { SpendFromFundRequest } from './spend-from-fund.request';

/** An officer of the community records a spending from its public fund (社区基金). */
export class SpendFromFund {
  readonly type = 'SpendFromFund';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly communityId: string;
      readonly spending: SpendFromFundRequest;
    },
  ) {}
}
