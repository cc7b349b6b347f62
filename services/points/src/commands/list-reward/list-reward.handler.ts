import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertKnownCommunity, commandMetadataFor } from '@gongzhi/identity';
import { assertManagesReward } from '../../application/reward-authority';
import { Streams } from '../../application/streams';
import { ListReward } from './list-reward.command';

export interface ListedReward {
  readonly rewardId: string;
  readonly name: string;
  readonly description: string | null;
  readonly pricePoints: number;
  readonly stock: number;
  readonly communityId: string | null;
}

/** The reward goes to the officer's own community unless another (or none, city-wide) is named and theirs to manage. */
@CommandHandler(ListReward)
export class ListRewardHandler implements ICommandHandler<ListReward, ListedReward> {
  constructor(private readonly streams: Streams) {}

  async execute({ data: { principal, reward } }: ListReward): Promise<ListedReward> {
    const rewardId = this.streams.newId();
    const communityId = reward.communityId === undefined ? (principal.scope.communityId ?? null) : reward.communityId;
    if (communityId !== null) assertKnownCommunity(communityId, 'REWARD.UNKNOWN_COMMUNITY');
    assertManagesReward(principal, communityId, 'list a reward there');
    const data = { ...reward, rewardId, communityId };
    await this.streams.reward({ type: 'ListReward', data }, commandMetadataFor(principal, this.streams.now()));
    return data;
  }
}
