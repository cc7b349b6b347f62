import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { PostComment } from './post-comment.command';
import { postCommentRequest, type PostCommentRequest } from './post-comment.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class PostCommentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('topics/:topicId/comments')
  @Allow('resident')
  @ApiOperation({ summary: 'Comment on a topic in discussion, or reply to a comment' })
  post(
    @Param('topicId') topicId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(postCommentRequest) body: PostCommentRequest,
  ): Promise<{ commentId: string }> {
    return this.commands.execute(new PostComment({ topicId, caller: p, request: body }));
  }
}
