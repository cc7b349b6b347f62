import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { VoteForIdea } from './vote-for-idea.command';
import { voteForIdeaRequest, type VoteForIdeaRequest } from './vote-for-idea.request';

@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class VoteForIdeaHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':contestId/votes')
  @HttpCode(201)
  @Allow('resident')
  @ApiOperation({ summary: 'A resident votes for one idea of another resident (one vote per contest).' })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('contestId') contestId: string,
    @ZodBody(voteForIdeaRequest) body: VoteForIdeaRequest,
  ) {
    return this.commands.execute(new VoteForIdea({ principal, contestId, request: body }));
  }
}
