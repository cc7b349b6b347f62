import type { Principal } from '@gongzhi/identity';

/** A resident gives back an unused redemption. */
export class CancelRedemption {
  readonly type = 'CancelRedemption';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly redemptionId: string;
      readonly reason: string;
    },
  ) {}
}
