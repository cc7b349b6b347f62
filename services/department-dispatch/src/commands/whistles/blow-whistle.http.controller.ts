import { Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, assertInScope, commandMetadataFor, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { whistleView } from '../../queries/whistle.view';
import { EscalatedCase } from '../../read-models/escalated-case.entity';
import { DepartmentRegistry } from '../../registry/department-registry';
import { ExecuteWhistleCommand } from '../execute-whistle-command';
import { blowWhistleRequest, type BlowWhistleRequest } from './whistle.requests';

/** 吹哨: an officer of the street summons departments to a case or a new problem, one of them as lead. */
@ApiTags('department-dispatch: whistles')
@ApiBearerAuth()
@Controller('api/department-dispatch/streets/:streetId/whistles')
export class BlowWhistleHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly registry: DepartmentRegistry,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post()
  @Allow({ role: 'street_officer', scope: 'street' })
  @ApiOperation({ summary: 'Blow the whistle (吹哨): summon departments, who must check in (报到) within the deadline' })
  async blow(@Param('streetId') streetId: string, @CurrentPrincipal() principal: Principal, @ZodBody(blowWhistleRequest) body: BlowWhistleRequest) {
    assertInScope(principal, 'street', streetId);
    const { cityId, districtId } = principal.scope;
    if (!cityId || !districtId) {
      throw new DomainError('WHISTLE.FORBIDDEN', 'Your account names no district and city, so a missed check-in could not be escalated');
    }
    if (body.caseId) await this.assertCaseOfStreet(body.caseId, streetId);
    const defaults = this.registry.whistleDefaults;
    const whistleId = uuidv7(this.infrastructure.clock.now().getTime());
    const command = {
      type: 'BlowWhistle' as const,
      whistleId,
      caseId: body.caseId,
      categoryCode: body.categoryCode,
      cityId,
      districtId,
      streetId,
      title: body.title,
      description: body.description,
      departmentIds: body.departmentIds,
      leadDepartmentId: body.leadDepartmentId,
      checkInWithinMinutes: body.checkInWithinMinutes ?? defaults.checkInWithinMinutes,
      escalationDelaysMinutes: body.escalationDelaysMinutes ?? defaults.escalationDelaysMinutes,
      taskWithinHours: Object.fromEntries(
        body.departmentIds.map((id) => [id, body.taskWithinHours ?? this.registry.department(id)?.taskWithinHours ?? 48]),
      ),
    };
    const metadata = commandMetadataFor(principal, this.infrastructure.clock.now());
    const result = await this.commands.execute(new ExecuteWhistleCommand(whistleId, command, metadata, { actorStreetId: principal.scope.streetId }));
    return whistleView(result.state);
  }

  /** A case escalated to another street is not this street's to whistle on. */
  private async assertCaseOfStreet(caseId: string, streetId: string): Promise<void> {
    const escalated = await this.infrastructure.dataSource.getRepository(EscalatedCase).findOneBy({ caseId });
    if (escalated && escalated.streetId !== streetId) {
      throw new DomainError('WHISTLE.FORBIDDEN', `Case ${caseId} was escalated to ${escalated.streetId}, not to ${streetId}`, { field: 'caseId' });
    }
  }
}
