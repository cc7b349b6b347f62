import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { budgetYear } from '../../http/budget-year';
import { CloseBudgetVoting } from './close-budget-voting.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class CloseBudgetVotingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/voting/close')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Close the vote after its window (the deadline also closes it): fund greedily by approvals within the pool' })
  close(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<{ poolId: string }> {
    return this.commands.execute(new CloseBudgetVoting({ communityId, year: budgetYear(year), caller: p }));
  }
}
