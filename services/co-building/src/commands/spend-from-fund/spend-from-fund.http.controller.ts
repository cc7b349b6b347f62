import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SpendFromFund } from './spend-from-fund.command';
import type { FundSpendingView } from './spend-from-fund.handler';
import { spendFromFundRequest, type SpendFromFundRequest } from './spend-from-fund.request';

/** The community's public fund (社区基金): its income comes from the projects' split; its use is recorded here, in public. */
@ApiTags('co-building: community fund')
@ApiBearerAuth()
@Controller('api/co-building/fund')
export class SpendFromFundHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/spendings')
  @Allow({ role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary:
      'Record a spending from the public fund (an officer of the community): amount in fen, purpose, and the council topic that approved it if any; more than the balance is 422 naming amountFen',
  })
  spend(
    @Param('communityId') communityId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(spendFromFundRequest) body: SpendFromFundRequest,
  ) {
    return this.commands.execute<SpendFromFund, FundSpendingView>(new SpendFromFund({ principal, communityId, spending: body }));
  }
}
