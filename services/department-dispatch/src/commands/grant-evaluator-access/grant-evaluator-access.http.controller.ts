import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Idempotent, ZodBody, type Principal } from '@gongzhi/identity';
import { GrantEvaluatorAccess } from './grant-evaluator-access.command';
import type { GrantedEvaluatorAccess } from './grant-evaluator-access.handler';
import { grantEvaluatorAccessRequest, type GrantEvaluatorAccessRequest } from './grant-evaluator-access.request';

@ApiTags('department-dispatch: third-party evaluation')
@ApiBearerAuth()
@Controller('api/department-dispatch/evaluator-grants')
export class GrantEvaluatorAccessHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @Allow('admin')
  @ApiOperation({ summary: 'Grant a third-party evaluator read access to named communities for a period (第三方评估)' })
  grant(@CurrentPrincipal() principal: Principal, @ZodBody(grantEvaluatorAccessRequest) request: GrantEvaluatorAccessRequest) {
    return this.commands.execute<GrantEvaluatorAccess, GrantedEvaluatorAccess>(new GrantEvaluatorAccess({ principal, request }));
  }
}
