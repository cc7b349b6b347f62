import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { budgetYear } from '../../http/budget-year';
import { CastBudgetBallot } from './cast-budget-ballot.command';
import type { BudgetBallotReceipt } from './cast-budget-ballot.handler';
import { castBudgetBallotRequest, type CastBudgetBallotRequest } from './cast-budget-ballot.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class CastBudgetBallotHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':communityId/:year/ballot')
  @Idempotent()
  @Allow('resident')
  @ApiOperation({ summary: 'Cast or change my secret approval ballot; under knapsack voting the selection may cost at most the pool' })
  ballot(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(castBudgetBallotRequest) body: CastBudgetBallotRequest,
  ): Promise<BudgetBallotReceipt> {
    return this.commands.execute(new CastBudgetBallot({ communityId, year: budgetYear(year), projectIds: body.projectIds, caller: p }));
  }
}
