import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CONTEST_STAFF } from '../../application/contest-authority';
import { CloseContest } from './close-contest.command';
import { closeContestRequest, type CloseContestRequest } from './close-contest.request';

@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class CloseContestHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':contestId/close')
  @HttpCode(200)
  @Allow(...CONTEST_STAFF)
  @ApiOperation({ summary: 'Staff close a contest after its period: the standings are final and each prize is given once.' })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('contestId') contestId: string,
    @ZodBody(closeContestRequest) body: CloseContestRequest,
  ) {
    return this.commands.execute(new CloseContest({ principal, contestId, request: body }));
  }
}
