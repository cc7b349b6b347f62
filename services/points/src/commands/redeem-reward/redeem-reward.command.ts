import type { CommandMetadata } from '@gongzhi/eventsourcing';

/** A resident spends points on one item of a reward. */
export class RedeemReward {
  constructor(
    readonly residentId: string,
    readonly rewardId: string,
    readonly metadata: CommandMetadata,
  ) {}
}
