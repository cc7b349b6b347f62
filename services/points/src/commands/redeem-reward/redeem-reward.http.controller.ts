import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { RedeemReward } from './redeem-reward.command';
import type { RedemptionView } from './redeem-reward.handler';
import { redeemRewardRequest, type RedeemRewardRequest } from './redeem-reward.request';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class RedeemRewardHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('redemptions')
  @Allow('resident')
  @ApiOperation({ summary: 'Redeem points for a reward: returns a voucher code (422 too few points, 409 out of stock)' })
  redeemReward(@CurrentPrincipal() principal: Principal, @ZodBody(redeemRewardRequest) body: RedeemRewardRequest) {
    return this.commands.execute<RedeemReward, RedemptionView>(new RedeemReward({ principal, rewardId: body.rewardId }));
  }
}
