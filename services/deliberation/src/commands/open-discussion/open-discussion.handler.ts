import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { OpenDiscussion } from './open-discussion.command';

@CommandHandler(OpenDiscussion)
export class OpenDiscussionHandler implements ICommandHandler<OpenDiscussion, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller, request } }: OpenDiscussion): Promise<{ topicId: string }> {
    await this.topics.execute(topicId, { type: 'OpenDiscussion', data: request }, caller);
    return { topicId };
  }
}
