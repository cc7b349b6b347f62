import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { NameCaseFacility } from './name-case-facility.command';
import { nameCaseFacilityRequest, type NameCaseFacilityRequest } from './name-case-facility.request';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:caseId/facility')
export class NameCaseFacilityHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Allow(
    { role: 'grid_worker', scope: 'grid' },
    { role: 'community_officer', scope: 'community' },
    { role: 'street_officer', scope: 'street' },
  )
  @ApiOperation({ summary: "Name the facility of the grid's register a case is at (a street light, a lift …), or correct it" })
  @ApiZodBody(nameCaseFacilityRequest)
  name(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId') caseId: string,
    @ZodBody(nameCaseFacilityRequest) { facilityId }: NameCaseFacilityRequest,
  ): Promise<{ facilityId: string }> {
    return this.commands.execute(new NameCaseFacility({ principal, caseId, facilityId }));
  }
}
