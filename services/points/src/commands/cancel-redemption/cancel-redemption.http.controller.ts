import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CancelRedemption } from './cancel-redemption.command';
import { cancelRedemptionRequest, type CancelRedemptionRequest } from './cancel-redemption.request';

@ApiTags('points: rewards')
@ApiBearerAuth()
@Controller('api/points')
export class CancelRedemptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('redemptions/:redemptionId/cancel')
  @HttpCode(200)
  @Allow('resident')
  @ApiOperation({ summary: 'Cancel my unused redemption: points refunded, item back in stock' })
  cancelRedemption(
    @CurrentPrincipal() principal: Principal,
    @Param('redemptionId') redemptionId: string,
    @ZodBody(cancelRedemptionRequest) body: CancelRedemptionRequest,
  ) {
    return this.commands.execute<CancelRedemption, { balance: number }>(
      new CancelRedemption({ principal, redemptionId, reason: body.reason }),
    );
  }
}
