import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { CompleteTopic } from './complete-topic.command';

@CommandHandler(CompleteTopic)
export class CompleteTopicHandler implements ICommandHandler<CompleteTopic, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: CompleteTopic): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'CompleteTopic', data: request }, caller);
    return { topicId };
  }
}
