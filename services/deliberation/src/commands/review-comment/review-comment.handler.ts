import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommentCommands } from '../../application/comment-commands';
import { ReviewComment } from './review-comment.command';

@CommandHandler(ReviewComment)
export class ReviewCommentHandler implements ICommandHandler<ReviewComment, { commentId: string }> {
  constructor(private readonly comments: CommentCommands) {}

  async execute({ data: { commentId, caller, request } }: ReviewComment): Promise<{ commentId: string }> {
    const topic = await this.comments.topicOfComment(commentId);
    await this.comments.execute(commentId, { type: 'ReviewComment', data: request }, caller, topic);
    return { commentId };
  }
}
