import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { JoinContestTeam } from './join-contest-team.command';
import { joinContestTeamRequest, type JoinContestTeamRequest } from './join-contest-team.request';

@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class JoinContestTeamHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':contestId/team')
  @HttpCode(201)
  @Allow('resident')
  @ApiOperation({ summary: 'A resident joins a team of a volunteer month; their verified hours in the period count from then on.' })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('contestId') contestId: string,
    @ZodBody(joinContestTeamRequest) body: JoinContestTeamRequest,
  ) {
    return this.commands.execute(new JoinContestTeam({ principal, contestId, request: body }));
  }
}
