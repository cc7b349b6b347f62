import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CONTEST_STAFF } from '../../application/contest-authority';
import { OpenContest } from './open-contest.command';
import { openContestRequest, type OpenContestRequest } from './open-contest.request';

@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class OpenContestHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Allow(...CONTEST_STAFF)
  @ApiOperation({ summary: 'Open a contest (金点子, 最美楼栋, 志愿服务月) of a community for a period' })
  open(@CurrentPrincipal() principal: Principal, @ZodBody(openContestRequest) body: OpenContestRequest) {
    return this.commands.execute<OpenContest, { contestId: string }>(new OpenContest({ principal, contest: body }));
  }
}
