import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { REWARD_STAFF } from '../../application/reward-authority';
import { UseRedemption } from './use-redemption.command';
import { useRedemptionRequest, type UseRedemptionRequest } from './use-redemption.request';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class UseRedemptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('redemptions/:residentId/:redemptionId/use')
  @HttpCode(204)
  @Allow(...REWARD_STAFF)
  @ApiOperation({ summary: 'Take a voucher in (staff): it can no longer be cancelled' })
  async useRedemption(
    @CurrentPrincipal() principal: Principal,
    @Param('residentId') residentId: string,
    @Param('redemptionId') redemptionId: string,
    @ZodBody(useRedemptionRequest) body: UseRedemptionRequest,
  ) {
    await this.commands.execute(new UseRedemption({ principal, residentId, redemptionId, voucherCode: body.voucherCode }));
  }
}
