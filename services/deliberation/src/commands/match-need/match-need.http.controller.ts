import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { budgetYear } from '../../http/budget-year';
import { MatchNeed } from './match-need.command';
import { matchNeedRequest, type MatchNeedRequest } from './match-need.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class MatchNeedHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/needs/:needId/match')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Match a need with a provider and a cost in whole yuan (政府配单): it becomes a candidate project' })
  match(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('needId') needId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(matchNeedRequest) body: MatchNeedRequest,
  ): Promise<{ poolId: string; projectId: string }> {
    return this.commands.execute(new MatchNeed({ communityId, year: budgetYear(year), needId, caller: p, request: body }));
  }
}
