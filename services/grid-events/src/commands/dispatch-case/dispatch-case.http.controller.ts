import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { Assignee } from '../../domain/case/case.commands';
import { DispatchCase, EscalateCase } from './dispatch-case.command';
import { dispatchCaseRequest, escalateCaseRequest, type DispatchCaseRequest, type EscalateCaseRequest } from './dispatch-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:caseId')
export class DispatchCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('dispatch')
  @HttpCode(200)
  @Allow(
    { role: 'grid_worker', scope: 'grid' },
    { role: 'community_officer', scope: 'community' },
    { role: 'street_officer', scope: 'street' },
  )
  @ApiOperation({ summary: '分派: dispatch to a grid worker or a department, with deadlines from the category SLA' })
  async dispatch(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(dispatchCaseRequest) body: DispatchCaseRequest,
  ) {
    const assignee = await this.commands.execute<DispatchCase, Assignee>(new DispatchCase({ caseId, principal, request: body }));
    return { caseId, status: 'Dispatched', assignee };
  }

  @Post('escalate')
  @HttpCode(200)
  @Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' })
  @ApiOperation({ summary: '吹哨: escalate a cross-department problem to the street' })
  async escalate(
    @Param('caseId') caseId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(escalateCaseRequest) body: EscalateCaseRequest,
  ) {
    await this.commands.execute(new EscalateCase({ caseId, principal, request: body }));
    return { caseId, escalated: true };
  }
}
