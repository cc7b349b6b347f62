import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, ZodBody, type Principal } from '@gongzhi/identity';
import { ReviewComment } from './review-comment.command';
import { reviewCommentRequest, type ReviewCommentRequest } from './review-comment.request';

@ApiTags('deliberation')
@ApiBearerAuth()
@Controller('api/deliberation')
export class ReviewCommentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('comments/:commentId/review')
  @HttpCode(200)
  @Allow('community_officer', 'street_officer', 'admin')
  @ApiOperation({ summary: 'Restore or remove a hidden comment, with a reason' })
  review(
    @Param('commentId') commentId: string,
    @CurrentPrincipal() p: Principal,
    @ZodBody(reviewCommentRequest) body: ReviewCommentRequest,
  ): Promise<{ commentId: string }> {
    return this.commands.execute(new ReviewComment({ commentId, caller: p, request: body }));
  }
}
