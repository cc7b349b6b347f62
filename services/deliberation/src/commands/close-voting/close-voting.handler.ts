import { commandMetadataFor } from '@gongzhi/identity';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, handleCommand, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { BALLOT_BOX, type BallotBox } from '../../ballot-box/ballot-box';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import { DEADLINE_CALLER } from '../../application/command-context';
import { CloseVoting } from './close-voting.command';

@CommandHandler(CloseVoting)
export class CloseVotingHandler implements ICommandHandler<CloseVoting, void> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(BALLOT_BOX) private readonly ballotBox: BallotBox,
  ) {}

  async execute({ data: { topicId } }: CloseVoting): Promise<void> {
    const { eventStore, clock } = this.infrastructure;
    const now = clock.now();
    const { events } = await eventStore.readStream(topicStreamId(topicId));
    const state = fold(
      topicDecider,
      events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
    if (state.status !== 'Voting') return;
    if (now.getTime() < Date.parse(state.voting!.closesAt))
      throw new DomainError('VOTING.NOT_DUE', `voting closes at ${state.voting!.closesAt}`);
    // Sealing first: a ballot racing the close is either counted here or refused, never lost.
    const counts = await this.ballotBox.sealAndCount(topicId);
    const assistedBallots = await this.ballotBox.assistedCount(topicId);
    await handleCommand(
      eventStore,
      topicDecider,
      topicStreamId(topicId),
      { type: 'CloseVoting', data: { counts, assistedBallots } },
      commandMetadataFor(DEADLINE_CALLER, now),
      {
        caller: DEADLINE_CALLER,
      },
    );
  }
}
