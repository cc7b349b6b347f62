import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { ScreenTopic } from './screen-topic.command';

@CommandHandler(ScreenTopic)
export class ScreenTopicHandler implements ICommandHandler<ScreenTopic, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: ScreenTopic): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'ScreenTopic', data: request }, caller);
    return { topicId };
  }
}
