import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { RecordHome } from './record-home.command';
import { recordHomeRequest, type RecordHomeRequest } from './record-home.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class RecordHomeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':buildingId/homes')
  @Allow('grid_worker', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Record a home (户) of the building: unit, number, floor area and its owners (业主)' })
  @ApiZodBody(recordHomeRequest)
  record(
    @Param('buildingId') buildingId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(recordHomeRequest) body: RecordHomeRequest,
  ): Promise<{ homeId: string }> {
    return this.commands.execute(new RecordHome({ buildingId, request: body, caller: p }));
  }
}
