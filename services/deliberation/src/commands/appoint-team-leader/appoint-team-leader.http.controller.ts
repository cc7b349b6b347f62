import { Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ApiZodBody } from '@gongzhi/platform';
import { OFFICER_ROLES } from '../../domain/caller';
import type { VolunteerTeamAnswer } from '../form-volunteer-team/form-volunteer-team.handler';
import { AppointTeamLeader } from './appoint-team-leader.command';
import { appointTeamLeaderRequest, type AppointTeamLeaderRequest } from './appoint-team-leader.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/communities')
export class AppointTeamLeaderHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':communityId/volunteer-teams/:teamId/leader')
  @Allow(...OFFICER_ROLES)
  @ApiOperation({
    summary: "Appoint (or replace) a volunteer team's leader (志愿队队长) from the community's pool; officers of the community",
  })
  @ApiZodBody(appointTeamLeaderRequest)
  appoint(
    @CurrentPrincipal() p: Principal,
    @Param('communityId') communityId: string,
    @Param('teamId') teamId: string,
    @ZodBody(appointTeamLeaderRequest) body: AppointTeamLeaderRequest,
  ): Promise<VolunteerTeamAnswer> {
    return this.commands.execute(new AppointTeamLeader({ caller: p, communityId, teamId, leaderId: body.leaderId }));
  }
}
