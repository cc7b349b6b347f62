import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { RegisterBuilding } from './register-building.command';
import { registerBuildingRequest, type RegisterBuildingRequest } from './register-building.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class RegisterBuildingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow('grid_worker', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Register a building (楼栋) of a grid with its units (单元)' })
  @ApiZodBody(registerBuildingRequest)
  register(
    @CurrentPrincipal() p: Principal,
    @ZodBody(registerBuildingRequest) body: RegisterBuildingRequest,
  ): Promise<{ buildingId: string }> {
    return this.commands.execute(new RegisterBuilding({ request: body, caller: p }));
  }
}
