import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import type { OrganisationState } from '../../domain/organisation/organisation.decider';
import { GradeOrganisation } from './grade-organisation.command';
import { gradeOrganisationRequest, type GradeOrganisationRequest } from './grade-organisation.request';

@ApiTags('co-building: organisations')
@ApiBearerAuth()
@Controller('api/co-building/organisations')
export class GradeOrganisationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':organisationId/grades')
  @HttpCode(200)
  @Allow({ role: 'street_officer', scope: 'street' }, 'admin')
  @ApiOperation({ summary: 'Record an evaluation grade (1A–5A); earlier grades stay in the history' })
  grade(
    @Param('organisationId') organisationId: string,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(gradeOrganisationRequest) body: GradeOrganisationRequest,
  ) {
    return this.commands.execute<GradeOrganisation, OrganisationState>(new GradeOrganisation({ principal, organisationId, grade: body }));
  }
}
