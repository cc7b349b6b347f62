import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { PresentedWhistle } from '../../queries/work/whistle.view';
import { EvaluateDepartment } from './evaluate-department.command';
import { evaluateDepartmentRequest, type EvaluateDepartmentRequest } from './evaluate-department.request';

@ApiTags('department-dispatch: whistles')
@ApiBearerAuth()
@Controller('api/department-dispatch/whistles/:whistleId')
export class EvaluateDepartmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('evaluations')
  @HttpCode(200)
  @Allow({ role: 'street_officer', scope: 'street' }, { role: 'resident', scope: 'street', verified: true })
  @ApiOperation({
    summary: "Evaluate a department's part (1–5 with a comment) once the whistle is resolved: the street once, each resident once",
  })
  evaluate(
    @Param('whistleId') whistleId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(evaluateDepartmentRequest) body: EvaluateDepartmentRequest,
  ) {
    return this.commands.execute<EvaluateDepartment, PresentedWhistle>(new EvaluateDepartment({ whistleId, principal, request: body }));
  }
}
