import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TopicCommands } from '../../application/topic-commands';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
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
  constructor(
    private readonly topics: TopicCommands,
    @Inject(BALLOT_BOX) private readonly secrets: BallotBox,
  ) {}

  async execute({ data: { topicId, caller } }: CoSignTopic): Promise<CoSignedTopic> {
    // Made for every co-signer, so an anonymous topic's proposer is recognised without the topic naming them.
    const coSignerMark = this.secrets.anonymousProposerMark(topicId, caller.subject);
    const { state } = await this.topics.execute(topicId, { type: 'CoSignTopic', data: { coSignerMark } }, caller);
    if (state.status === 'None') throw new Error(`topic ${topicId} vanished while co-signed`);
    return { topicId, coSigners: state.coSignerIds.length, coSignersNeeded: state.coSignersNeeded, status: state.status };
  }
}
