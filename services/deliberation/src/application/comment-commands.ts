import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, fold, handleCommand, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../domain/caller';
import { commentDecider, commentStreamId, type CommentCommand, type CommentEvent } from '../domain/comment/comment.decider';
import { topicDecider, topicStreamId } from '../domain/topic/topic.decider';
import type { TopicEvent } from '../domain/topic/topic.events';
import type { Topic } from '../domain/topic/topic.state';

/** Comments are their own streams, so a busy discussion never contends with the topic's lifecycle. */
@Injectable()
export class CommentCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  async topic(topicId: string): Promise<Topic> {
    const { events } = await this.infrastructure.eventStore.readStream(topicStreamId(topicId));
    const topic = fold(
      topicDecider,
      events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', 'no such topic');
    return topic;
  }

  /** The topic an existing comment belongs to, or COMMENT.NOT_FOUND. */
  async topicOfComment(commentId: string): Promise<Topic> {
    const { events } = await this.infrastructure.eventStore.readStream(commentStreamId(commentId));
    const comment = fold(
      commentDecider,
      events.map((e) => toDomainEvent<CommentEvent>(e)),
    );
    if (comment.status === 'None') throw new DomainError('COMMENT.NOT_FOUND', 'no such comment');
    return this.topic(comment.topicId);
  }

  async execute(commentId: string, command: CommentCommand, caller: Caller, topic: Topic): Promise<void> {
    const context = { caller, topicCommunityId: topic.communityId };
    await handleCommand(
      this.infrastructure.eventStore,
      commentDecider,
      commentStreamId(commentId),
      command,
      commandMetadataFor(caller, this.now()),
      context,
    );
  }
}
