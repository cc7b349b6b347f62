import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { REWARD_STAFF } from '../../application/reward-authority';
import { RestockReward } from './restock-reward.command';
import type { RestockedReward } from './restock-reward.handler';
import { restockRewardRequest, type RestockRewardRequest } from './restock-reward.request';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class RestockRewardHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rewards/:rewardId/restock')
  @HttpCode(200)
  @Allow(...REWARD_STAFF)
  @ApiOperation({ summary: 'Add items to a reward’s stock' })
  restock(
    @CurrentPrincipal() principal: Principal,
    @Param('rewardId') rewardId: string,
    @ZodBody(restockRewardRequest) body: RestockRewardRequest,
  ) {
    return this.commands.execute<RestockReward, RestockedReward>(new RestockReward({ principal, rewardId, quantity: body.quantity }));
  }
}
