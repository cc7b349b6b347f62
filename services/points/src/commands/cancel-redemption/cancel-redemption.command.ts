import type { Principal } from '@gongzhi/identity';

/** A resident gives back an unused redemption. */
export class CancelRedemption {
  constructor(
    readonly principal: Principal,
    readonly redemptionId: string,
    readonly reason: string,
  ) {}
}
