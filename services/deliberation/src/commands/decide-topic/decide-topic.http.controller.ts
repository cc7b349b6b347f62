import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { DecideTopic } from './decide-topic.command';
import { decideTopicRequest, type DecideTopicRequest } from './decide-topic.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class DecideTopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/decision')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Publish the result with its reasons' })
  decide(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(decideTopicRequest) body: DecideTopicRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new DecideTopic({ topicId, caller: p, request: body }));
  }
}
