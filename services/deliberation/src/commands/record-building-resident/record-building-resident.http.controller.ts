import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { RecordBuildingResident } from './record-building-resident.command';
import { recordBuildingResidentRequest, type RecordBuildingResidentRequest } from './record-building-resident.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class RecordBuildingResidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':buildingId/residents')
  @HttpCode(200)
  @Allow('grid_worker', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Record that a verified resident of the grid lives in a home of the building' })
  @ApiZodBody(recordBuildingResidentRequest)
  record(
    @Param('buildingId') buildingId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordBuildingResidentRequest) body: RecordBuildingResidentRequest,
  ): Promise<{ recorded: boolean }> {
    return this.commands.execute(new RecordBuildingResident({ buildingId, request: body, caller: p }));
  }
}
