import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { budgetYear } from '../../http/budget-year';
import { CompleteProject } from './complete-project.command';
import { completeProjectRequest, type CompleteProjectRequest } from './complete-project.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class CompleteProjectHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/projects/:projectId/completion')
  @HttpCode(200)
  @Allow('supervisor', ...OFFICER_ROLES)
  @ApiOperation({ summary: 'Mark a funded project completed; residents may then evaluate it' })
  complete(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('projectId') projectId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(completeProjectRequest) body: CompleteProjectRequest,
  ): Promise<{ poolId: string }> {
    return this.commands.execute(new CompleteProject({ communityId, year: budgetYear(year), projectId, caller: p, request: body }));
  }
}
