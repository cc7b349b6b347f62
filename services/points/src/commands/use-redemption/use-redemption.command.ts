import type { CommandMetadata } from '@gongzhi/eventsourcing';

/** Staff take a voucher in. */
export class UseRedemption {
  constructor(
    readonly residentId: string,
    readonly redemptionId: string,
    readonly voucherCode: string,
    readonly metadata: CommandMetadata,
  ) {}
}
