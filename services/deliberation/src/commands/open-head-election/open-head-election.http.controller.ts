import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { OpenHeadElection } from './open-head-election.command';
import type { OpenedHeadElection } from './open-head-election.handler';
import { openHeadElectionRequest, type OpenHeadElectionRequest } from './open-head-election.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class OpenHeadElectionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':buildingId/head-elections')
  @Allow('grid_worker', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: "Open the secret election of the building head (楼栋长); the roll is the building's verified residents" })
  @ApiZodBody(openHeadElectionRequest)
  open(
    @Param('buildingId') buildingId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(openHeadElectionRequest) body: OpenHeadElectionRequest,
  ): Promise<OpenedHeadElection> {
    return this.commands.execute(new OpenHeadElection({ buildingId, request: body, caller: p }));
  }
}
