import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { CoSignTopic } from './co-sign-topic.command';

export interface CoSignedTopic {
  readonly topicId: string;
  readonly coSigners: number;
  readonly coSignersNeeded: number;
  /** 'Proposed' once the last co-signer signed: the topic is then with the community for screening. */
  readonly status: string;
}

@CommandHandler(CoSignTopic)
export class CoSignTopicHandler implements ICommandHandler<CoSignTopic, CoSignedTopic> {
  constructor(private readonly topics: TopicCommands) {}

  async execute({ data: { topicId, caller } }: CoSignTopic): Promise<CoSignedTopic> {
    const { state } = await this.topics.execute(topicId, { type: 'CoSignTopic', data: {} }, caller);
    if (state.status === 'None') throw new Error(`topic ${topicId} vanished while co-signed`);
    return { topicId, coSigners: state.coSignerIds.length, coSignersNeeded: state.coSignersNeeded, status: state.status };
  }
}
