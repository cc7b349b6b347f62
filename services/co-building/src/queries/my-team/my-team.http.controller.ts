import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { MyTeam } from './my-team.reader';

/** Lets the app offer 加入团队 only to a resident not on the team yet, and the team's own actions only to its members. */
@ApiTags('co-building: projects')
@ApiBearerAuth()
@Controller('api/co-building/projects')
export class MyTeamHttpController {
  constructor(private readonly teams: MyTeam) {}

  @Get(':projectId/team/me')
  @Allow('resident')
  @ApiOperation({
    summary: "Whether I am on the project's team (and lead it): { member, leader }",
  })
  me(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal) {
    return this.teams.membership(projectId, principal.subject);
  }
}
