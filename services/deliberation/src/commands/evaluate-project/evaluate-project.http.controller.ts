import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { budgetYear } from '../../http/budget-year';
import { EvaluateProject } from './evaluate-project.command';
import { evaluateProjectRequest, type EvaluateProjectRequest } from './evaluate-project.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/budgets')
export class EvaluateProjectHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':communityId/:year/projects/:projectId/evaluations')
  @Allow('resident')
  @ApiOperation({ summary: "Evaluate a completed project (群众评单, 1–5 + comment), once; feeds next year's allocation" })
  evaluate(
    @Param('communityId') communityId: string,
    @Param('year') year: string,
    @Param('projectId') projectId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(evaluateProjectRequest) body: EvaluateProjectRequest,
  ): Promise<{ poolId: string }> {
    return this.commands.execute(new EvaluateProject({ communityId, year: budgetYear(year), projectId, caller: p, request: body }));
  }
}
