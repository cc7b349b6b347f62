import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { DecideTopic } from './decide-topic.command';

@CommandHandler(DecideTopic)
export class DecideTopicHandler implements ICommandHandler<DecideTopic, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: DecideTopic): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'DecideTopic', data: request }, caller);
    return { topicId };
  }
}
