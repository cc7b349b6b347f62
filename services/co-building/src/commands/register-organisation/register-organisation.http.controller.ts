import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { OrganisationState } from '../../domain/organisation/organisation.decider';
import { RegisterOrganisation } from './register-organisation.command';
import { registerOrganisationRequest, type RegisterOrganisationRequest } from './register-organisation.request';

/** The registry of community social organisations (社区社会组织) and their evaluation grades (等级评估). */
@ApiTags('co-building: organisations')
@ApiBearerAuth()
@Controller('api/co-building/organisations')
export class RegisterOrganisationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow({ role: 'community_officer', scope: 'community' }, { role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({ summary: 'Register a community social organisation with its services' })
  register(@CurrentPrincipal() principal: Principal, @ZodBody(registerOrganisationRequest) body: RegisterOrganisationRequest) {
    return this.commands.execute<RegisterOrganisation, OrganisationState>(new RegisterOrganisation({ principal, organisation: body }));
  }
}
