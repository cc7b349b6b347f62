import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { RunCommentCommand } from './run-comment-command.handler';

const postCommentRequest = z.object({ text: z.string().trim().min(1).max(2000), parentCommentId: z.string().min(1).max(100).nullable().default(null) });
const reportRequest = z.object({ reason: z.enum(['spam', 'offensive', 'off_topic']) });
const reviewRequest = z.object({ outcome: z.enum(['restored', 'removed']), reason: z.string().trim().min(1, 'a review needs a reason').max(2000) });

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class CommentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('topics/:topicId/comments')
  @Allow('resident')
  @ApiOperation({ summary: 'Comment on a topic in discussion, or reply to a comment' })
  async post(@Param('topicId') topicId: string, @CurrentPrincipal() p: Principal, @ZodBody(postCommentRequest) body: z.output<typeof postCommentRequest>) {
    const commentId = uuidv7();
    await this.commands.execute(new RunCommentCommand(commentId, { type: 'PostComment', data: { commentId, topicId, ...body } }, p));
    return { commentId };
  }

  @Post('comments/:commentId/reports')
  @Allow('resident')
  @ApiOperation({ summary: 'Report a comment (spam, offensive, off-topic); 3 reports hide it pending review' })
  async report(@Param('commentId') commentId: string, @CurrentPrincipal() p: Principal, @ZodBody(reportRequest) body: z.output<typeof reportRequest>) {
    await this.commands.execute(new RunCommentCommand(commentId, { type: 'ReportComment', data: body }, p));
    return { commentId };
  }

  @Post('comments/:commentId/review')
  @HttpCode(200)
  @Allow('community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Restore or remove a hidden comment, with a reason' })
  async review(@Param('commentId') commentId: string, @CurrentPrincipal() p: Principal, @ZodBody(reviewRequest) body: z.output<typeof reviewRequest>) {
    await this.commands.execute(new RunCommentCommand(commentId, { type: 'ReviewComment', data: body }, p));
    return { commentId };
  }
}
