import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { REWARD_STAFF } from '../../application/reward-authority';
import { ListReward } from './list-reward.command';
import type { ListedReward } from './list-reward.handler';
import { listRewardRequest, type ListRewardRequest } from './list-reward.request';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class ListRewardHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rewards')
  @Allow(...REWARD_STAFF)
  @ApiOperation({ summary: 'List a reward (e.g. 社区食堂餐券 for 100 points)' })
  list(@CurrentPrincipal() principal: Principal, @ZodBody(listRewardRequest) body: ListRewardRequest) {
    return this.commands.execute<ListReward, ListedReward>(new ListReward({ principal, reward: body }));
  }
}
