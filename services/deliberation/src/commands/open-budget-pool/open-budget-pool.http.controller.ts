import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { OpenBudgetPool } from './open-budget-pool.command';
import { openBudgetPoolRequest, type OpenBudgetPoolRequest } from './open-budget-pool.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class OpenBudgetPoolHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: "Open a community's budget pool for a year; last year's evaluations suggest the amount" })
  open(@CurrentPrincipal() p: Principal, @ZodBody(openBudgetPoolRequest) body: OpenBudgetPoolRequest): Promise<{ poolId: string }> {
    return this.commands.execute(new OpenBudgetPool({ caller: p, request: body }));
  }
}
