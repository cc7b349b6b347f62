import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, type Principal } from '@gongzhi/identity';
import { ApiOkFrom, type AnswerOf } from '@gongzhi/platform';
import { z } from 'zod';
import { MyTeam } from './my-team.reader';

export const myTeamResponse = z.object({ member: z.boolean(), leader: z.boolean() });

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
  @ApiOkFrom(myTeamResponse, 'Whether the caller is on the team, and leads it.')
  me(@Param('projectId') projectId: string, @CurrentPrincipal() principal: Principal): Promise<AnswerOf<typeof myTeamResponse>> {
    return this.teams.membership(projectId, principal.subject);
  }
}
