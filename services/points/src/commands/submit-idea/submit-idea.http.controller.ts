import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { SubmitIdea } from './submit-idea.command';
import { submitIdeaRequest, type SubmitIdeaRequest } from './submit-idea.request';

@ApiTags('points: contests')
@ApiBearerAuth()
@Controller('api/points/contests')
export class SubmitIdeaHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':contestId/ideas')
  @HttpCode(201)
  @Allow('resident')
  @ApiOperation({ summary: 'A resident enters an idea (金点子) in an idea contest of their community.' })
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('contestId') contestId: string,
    @ZodBody(submitIdeaRequest) body: SubmitIdeaRequest,
  ) {
    return this.commands.execute(new SubmitIdea({ principal, contestId, request: body }));
  }
}
