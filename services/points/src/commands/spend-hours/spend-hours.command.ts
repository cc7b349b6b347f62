import type { Principal } from '@gongzhi/identity';
import type { SpendHoursRequest } from './spend-hours.request';

/** A resident spends banked hours on another volunteer's service. */
export class SpendHours {
  readonly type = 'SpendHours';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly spending: SpendHoursRequest;
    },
  ) {}
}
