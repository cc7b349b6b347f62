import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ScoreIdea } from './score-idea.command';
import { scoreIdeaRequest, type ScoreIdeaRequest } from './score-idea.request';

/** No role guard: a jury may mix staff and residents; the contest refuses whoever it did not name (403 CONTEST.NOT_A_JUROR). */
@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class ScoreIdeaHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':contestId/scores')
  @HttpCode(201)
  @ApiOperation({ summary: 'A juror scores one idea of a jury-judged idea contest (1–10, once per idea, not their own).' })
  send(@CurrentPrincipal() principal: Principal, @Param('contestId') contestId: string, @ZodBody(scoreIdeaRequest) body: ScoreIdeaRequest) {
    return this.commands.execute(new ScoreIdea({ principal, contestId, request: body }));
  }
}
