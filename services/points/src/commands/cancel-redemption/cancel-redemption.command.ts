import type { CommandMetadata } from '@gongzhi/eventsourcing';

/** A resident gives back an unused redemption. */
export class CancelRedemption {
  constructor(
    readonly residentId: string,
    readonly redemptionId: string,
    readonly reason: string,
    readonly metadata: CommandMetadata,
  ) {}
}
