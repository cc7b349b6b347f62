import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, uuidv7 } from '@gongzhi/eventsourcing';
import { assertResidentOf } from '../../domain/caller';
import { CommentCommands } from '../../application/comment-commands';
import { PostComment } from './post-comment.command';

/** Comments are taken while the topic is in discussion, from residents of its community. */
@CommandHandler(PostComment)
export class PostCommentHandler implements ICommandHandler<PostComment, { commentId: string }> {
  constructor(private readonly comments: CommentCommands) {}

  async execute({ data: { topicId, caller, request } }: PostComment): Promise<{ commentId: string }> {
    const topic = await this.comments.topic(topicId);
    if (topic.status !== 'Discussion')
      throw new DomainError('TOPIC.WRONG_STAGE', `comments are taken during discussion; the topic is ${topic.status}`);
    assertResidentOf(caller, topic.communityId);
    const commentId = uuidv7(this.comments.now().getTime());
    await this.comments.execute(commentId, { type: 'PostComment', data: { commentId, topicId, ...request } }, caller, topic);
    return { commentId };
  }
}
