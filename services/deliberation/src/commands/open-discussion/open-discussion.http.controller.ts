import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { OFFICER_ROLES } from '../../domain/caller';
import { OpenDiscussion } from './open-discussion.command';
import { openDiscussionRequest, type OpenDiscussionRequest } from './open-discussion.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation/topics')
export class OpenDiscussionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':topicId/discussion')
  @HttpCode(200)
  @Allow(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Open discussion (民事民议), optionally with a meeting' })
  discuss(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(openDiscussionRequest) body: OpenDiscussionRequest,
  ): Promise<{ topicId: string }> {
    return this.commands.execute(new OpenDiscussion({ topicId, caller: p, request: body }));
  }
}
