import type { Principal } from '@gongzhi/identity';

/** Staff take a voucher in. */
export class UseRedemption {
  readonly type = 'UseRedemption';
  constructor(
    readonly data: {
      readonly principal: Principal;
      readonly residentId: string;
      readonly redemptionId: string;
      readonly voucherCode: string;
    },
  ) {}
}
