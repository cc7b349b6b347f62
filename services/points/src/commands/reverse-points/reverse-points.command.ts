import type { Principal } from '@gongzhi/identity';
import type { ReversePointsRequest } from './reverse-points.request';

/** An admin reverses one award found farmed, naming it by its source event. */
export class ReversePoints {
  constructor(
    readonly principal: Principal,
    readonly reversal: ReversePointsRequest,
  ) {}
}
