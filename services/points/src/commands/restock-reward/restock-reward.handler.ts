import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { assertManagesReward } from '../../application/reward-authority';
import { Streams } from '../../application/streams';
import { RestockReward } from './restock-reward.command';

export interface RestockedReward {
  readonly rewardId: string;
  readonly stock: number;
}

/** Only staff of the reward's own community restock it; an unknown reward is the decider's REWARD.NOT_FOUND. */
@CommandHandler(RestockReward)
export class RestockRewardHandler implements ICommandHandler<RestockReward, RestockedReward> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, rewardId, quantity } }: RestockReward): Promise<RestockedReward> {
    const reward = await this.streams.rewardState(rewardId);
    if (reward.status === 'Listed') assertManagesReward(principal, reward.communityId, 'restock this reward');
    const { state } = await this.streams.reward(
      { type: 'Restock', data: { rewardId, quantity } },
      commandMetadataFor(principal, this.streams.now()),
    );
    return { rewardId, stock: state.status === 'Listed' ? state.stock : 0 };
  }
}
