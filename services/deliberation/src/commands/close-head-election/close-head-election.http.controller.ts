import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { CloseHeadElection } from './close-head-election.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/buildings')
export class CloseHeadElectionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':buildingId/head-elections/:electionId/close')
  @HttpCode(200)
  @Allow('grid_worker', 'community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Close the building-head election after its window (the deadline also closes it) and count the sealed box' })
  close(
    @Param('buildingId') buildingId: string,
    @Param('electionId') electionId: string,
    @CurrentPrincipal() p: Principal,
  ): Promise<{ electionId: string }> {
    return this.commands.execute(new CloseHeadElection({ buildingId, electionId, caller: p }));
  }
}
