import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommentCommands } from '../../application/comment-commands';
import { ReportComment } from './report-comment.command';

@CommandHandler(ReportComment)
export class ReportCommentHandler implements ICommandHandler<ReportComment, { commentId: string }> {
  constructor(private readonly comments: CommentCommands) {}

  async execute({ data: { commentId, caller, request } }: ReportComment): Promise<{ commentId: string }> {
    const topic = await this.comments.topicOfComment(commentId);
    await this.comments.execute(commentId, { type: 'ReportComment', data: request }, caller, topic);
    return { commentId };
  }
}
