import type { Principal } from '@gongzhi/identity';
import type { ReversePointsRequest } from './reverse-points.request';

/** An admin reverses one award found farmed, naming it by its source event. */
export class ReversePoints {
  readonly type = 'ReversePoints';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly reversal: ReversePointsRequest;
    },
  ) {}
}
