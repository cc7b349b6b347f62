import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import type { VolunteerTeamAnswer } from '../form-volunteer-team/form-volunteer-team.handler';
import { StepDownTeamLeader } from './step-down-team-leader.command';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/communities')
export class StepDownTeamLeaderHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':communityId/volunteer-teams/:teamId/leader')
  @Allow('resident')
  @ApiOperation({ summary: 'The leader of a volunteer team steps down (only the leader themself); the team waits for a new leader' })
  stepDown(
    @CurrentPrincipal() p: Principal,
    @Param('communityId') communityId: string,
    @Param('teamId') teamId: string,
  ): Promise<VolunteerTeamAnswer> {
    return this.commands.execute(new StepDownTeamLeader({ caller: p, communityId, teamId }));
  }
}
