import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, handleCommand, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { assertResidentOf, type Caller } from '../../domain/caller';
import { commentDecider, commentStreamId, type CommentCommand, type CommentEvent } from '../../domain/comment/comment.decider';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { metadataFor } from '../command-context';

export class RunCommentCommand {
  constructor(
    readonly commentId: string,
    readonly command: CommentCommand,
    readonly caller: Caller,
  ) {}
}

/** Comments are their own streams, so a busy discussion never contends with the topic's lifecycle. */
@CommandHandler(RunCommentCommand)
export class RunCommentCommandHandler implements ICommandHandler<RunCommentCommand, void> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async execute({ commentId, command, caller }: RunCommentCommand): Promise<void> {
    const { eventStore, clock } = this.infrastructure;
    const topicId = command.type === 'PostComment' ? command.data.topicId : await this.topicOfComment(commentId);
    const { events } = await eventStore.readStream(topicStreamId(topicId));
    const topic = fold(topicDecider, events.map((e) => toDomainEvent<TopicEvent>(e)));
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', 'no such topic');
    if (command.type === 'PostComment') {
      if (topic.status !== 'Discussion') throw new DomainError('TOPIC.WRONG_STAGE', `comments are taken during discussion; the topic is ${topic.status}`);
      assertResidentOf(caller, topic.communityId);
    }
    const context = { caller, topicCommunityId: topic.communityId };
    await handleCommand(eventStore, commentDecider, commentStreamId(commentId), command, metadataFor(caller, clock.now()), context);
  }

  private async topicOfComment(commentId: string): Promise<string> {
    const { events } = await this.infrastructure.eventStore.readStream(commentStreamId(commentId));
    const comment = fold(commentDecider, events.map((e) => toDomainEvent<CommentEvent>(e)));
    if (comment.status === 'None') throw new DomainError('COMMENT.NOT_FOUND', 'no such comment');
    return comment.topicId;
  }
}
