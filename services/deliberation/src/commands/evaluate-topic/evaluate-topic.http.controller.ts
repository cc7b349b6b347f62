import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { EvaluateTopic } from './evaluate-topic.command';
import { evaluateTopicRequest, type EvaluateTopicRequest } from './evaluate-topic.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class EvaluateTopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/evaluations')
  @Allow('resident')
  @ApiOperation({ summary: 'Evaluate a completed topic (1–5)' })
  evaluate(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(evaluateTopicRequest) body: EvaluateTopicRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new EvaluateTopic({ topicId, caller: p, request: body }));
  }
}
