import { Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, commandMetadataFor, CurrentPrincipal, hasRole, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { SpendFromCommunityFundCommand } from '../execute-commands';
import { spendFromFundRequest, type SpendFromFundRequest } from '../requests';

/** The community's public fund (社区基金): its income comes from the projects' split; its use is recorded here, in public. */
@ApiTags('co-building: community fund')
@ApiBearerAuth()
@Controller('api/co-building/fund')
export class FundHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post(':communityId/spendings')
  @Allow({ role: 'community_officer', scope: 'community' })
  @ApiOperation({
    summary:
      'Record a spending from the public fund (an officer of the community): amount in fen, purpose, and the council topic that approved it if any; more than the balance is 422 naming amountFen',
  })
  async spend(@Param('communityId') communityId: string, @CurrentPrincipal() principal: Principal, @ZodBody(spendFromFundRequest) body: SpendFromFundRequest) {
    const now = this.infrastructure.clock.now();
    const spendingId = uuidv7(now.getTime());
    const officerOf = hasRole(principal, 'community_officer') ? principal.scope.communityId : undefined;
    const result = await this.commands.execute(
      new SpendFromCommunityFundCommand({ type: 'SpendFromFund', spendingId, communityId, ...body }, commandMetadataFor(principal, now), officerOf),
    );
    return { spendingId, communityId, amountFen: body.amountFen, purpose: body.purpose, councilTopicId: body.councilTopicId, spentFen: result.state.spentFen };
  }
}
