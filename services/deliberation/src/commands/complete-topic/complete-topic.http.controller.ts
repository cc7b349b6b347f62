import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { CompleteTopic } from './complete-topic.command';
import { completeTopicRequest, type CompleteTopicRequest } from './complete-topic.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class CompleteTopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/completion')
  @HttpCode(200)
  @Allow('supervisor', 'admin')
  @ApiOperation({ summary: 'Mark the decision carried out' })
  complete(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(completeTopicRequest) body: CompleteTopicRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new CompleteTopic({ topicId, caller: p, request: body }));
  }
}
