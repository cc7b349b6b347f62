import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, assertInScope, commandMetadataFor, CurrentPrincipal, hasRole, ZodBody, type Principal } from '@gongzhi/identity';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ExecuteOrganisationCommand } from '../execute-commands';
import {
  gradeOrganisationRequest,
  registerOrganisationRequest,
  type GradeOrganisationRequest,
  type RegisterOrganisationRequest,
} from '../requests';

/** The registry of community social organisations (社区社会组织) and their evaluation grades (等级评估). */
@ApiTags('co-building: organisations')
@ApiBearerAuth()
@Controller('api/co-building/organisations')
export class OrganisationsHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @Post()
  @Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({ summary: 'Register a community social organisation with its services' })
  async register(@CurrentPrincipal() principal: Principal, @ZodBody(registerOrganisationRequest) body: RegisterOrganisationRequest) {
    if (hasRole(principal, 'community_officer') && !hasRole(principal, 'admin') && !hasRole(principal, 'street_officer')) {
      assertInScope(principal, 'community', body.communityId);
    }
    const organisationId = uuidv7(this.infrastructure.clock.now().getTime());
    const result = await this.commands.execute(
      new ExecuteOrganisationCommand(organisationId, { type: 'RegisterOrganisation', organisationId, ...body }, commandMetadataFor(principal, this.infrastructure.clock.now())),
    );
    return result.state;
  }

  @Post(':organisationId/grades')
  @HttpCode(200)
  @Allow({ role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({ summary: 'Record an evaluation grade (1A–5A); earlier grades stay in the history' })
  async grade(@Param('organisationId') organisationId: string, @CurrentPrincipal() principal: Principal, @ZodBody(gradeOrganisationRequest) body: GradeOrganisationRequest) {
    const result = await this.commands.execute(
      new ExecuteOrganisationCommand(organisationId, { type: 'GradeOrganisation', ...body }, commandMetadataFor(principal, this.infrastructure.clock.now())),
    );
    return result.state;
  }
}
