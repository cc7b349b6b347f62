import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { uuidv7 } from '@gongzhi/eventsourcing';
import { TopicCommands } from '../../application/topic-commands';
import { ProposeTopic } from './propose-topic.command';

/** Takes the proposer's community when none is named; the id comes from the clock. */
@CommandHandler(ProposeTopic)
export class ProposeTopicHandler implements ICommandHandler<ProposeTopic, { topicId: string }> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { caller, request } }: ProposeTopic): Promise<{ topicId: string }> {
    const now = this.topics.now();
    const topicId = uuidv7(now.getTime());
    const communityId = request.communityId ?? caller.scope.communityId!;
    const { gridId, title, description, anonymous } = request;
    await this.topics.execute(
      topicId,
      { type: 'ProposeTopic', data: { topicId, communityId, gridId, title, description, anonymous } },
      caller,
      now,
    );
    return { topicId };
  }
}
