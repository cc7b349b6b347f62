import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { budgetYear } from '../../http/budget-year';
import { OpenBudgetVoting } from './open-budget-voting.command';
import { openBudgetVotingRequest, type OpenBudgetVotingRequest } from './open-budget-voting.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class OpenBudgetVotingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/voting')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({
    summary: "Open the secret approval vote on the candidate projects for 3–7 days; the roll is the community's verified residents now",
  })
  openVoting(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(openBudgetVotingRequest) body: OpenBudgetVotingRequest,
  ): Promise<{ poolId: string }> {
    return this.commands.execute(new OpenBudgetVoting({ communityId, year: budgetYear(year), caller: p, request: body }));
  }
}
