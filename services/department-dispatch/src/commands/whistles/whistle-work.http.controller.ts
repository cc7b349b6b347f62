import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, commandMetadataFor, CurrentPrincipal, hasRole, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { WhistleCommand } from '../../domain/whistle/whistle.commands';
import { whistleView } from '../../queries/whistle.view';
import { ExecuteWhistleCommand } from '../execute-whistle-command';
import { completeTaskRequest, evaluateRequest, type CompleteTaskRequest, type EvaluateRequest } from './whistle.requests';

/** 报到 and joint handling by the summoned departments; evaluation by the street and its residents. */
@ApiTags('department-dispatch: whistles')
@ApiBearerAuth()
@Controller('api/department-dispatch/whistles/:whistleId')
export class WhistleWorkHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post('check-in')
  @HttpCode(200)
  @Allow({ role: 'department_staff', scope: 'department' })
  @ApiOperation({ summary: "Check in (报到) for the caller's department; its task starts with its own deadline" })
  checkIn(@Param('whistleId') whistleId: string, @CurrentPrincipal() principal: Principal) {
    const departmentId = principal.scope.departmentId as string;
    return this.run(whistleId, principal, { type: 'CheckIn', departmentId });
  }

  @Post('task/complete')
  @HttpCode(200)
  @Allow({ role: 'department_staff', scope: 'department' })
  @ApiOperation({ summary: "Mark the caller's department's task done; the last one resolves the whistle" })
  complete(@Param('whistleId') whistleId: string, @CurrentPrincipal() principal: Principal, @ZodBody(completeTaskRequest) body: CompleteTaskRequest) {
    const departmentId = principal.scope.departmentId as string;
    return this.run(whistleId, principal, { type: 'CompleteTask', departmentId, ...body });
  }

  @Post('evaluations')
  @HttpCode(200)
  @Allow({ role: 'street_officer', scope: 'street' }, { role: 'resident', scope: 'street', verified: true })
  @ApiOperation({ summary: "Evaluate a department's part (1–5 with a comment) once the whistle is resolved: the street once, each resident once" })
  evaluate(@Param('whistleId') whistleId: string, @CurrentPrincipal() principal: Principal, @ZodBody(evaluateRequest) body: EvaluateRequest) {
    const by = hasRole(principal, 'street_officer') ? 'street' : 'resident';
    return this.run(whistleId, principal, { type: 'EvaluateDepartment', by, ...body });
  }

  private async run(whistleId: string, principal: Principal, command: WhistleCommand) {
    const metadata = commandMetadataFor(principal, this.infrastructure.clock.now());
    const scope = { actorDepartmentId: principal.scope.departmentId, actorStreetId: principal.scope.streetId };
    const result = await this.commands.execute(new ExecuteWhistleCommand(whistleId, command, metadata, scope));
    return whistleView(result.state);
  }
}
