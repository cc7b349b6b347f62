import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { ScreenTopic } from './screen-topic.command';
import { screenTopicRequest, type ScreenTopicRequest } from './screen-topic.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class ScreenTopicHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/screening')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Screen a topic: accept, merge into another, or reject with a written reason' })
  screen(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(screenTopicRequest) body: ScreenTopicRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new ScreenTopic({ topicId, caller: p, request: body }));
  }
}
