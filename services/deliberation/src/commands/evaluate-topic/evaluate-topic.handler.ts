import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { EvaluateTopic } from './evaluate-topic.command';

@CommandHandler(EvaluateTopic)
export class EvaluateTopicHandler implements ICommandHandler<EvaluateTopic, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: EvaluateTopic): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'EvaluateTopic', data: request }, caller);
    return { topicId };
  }
}
