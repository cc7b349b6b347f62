import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, fold, handleCommand, toDomainEvent, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CLOSE_VOTING_TIMER, VOTING_SCHEDULER } from '../deliberation.tokens';
import type { Caller } from '../domain/caller';
import type { TopicCommand } from '../domain/topic/topic.commands';
import { topicDecider, topicStreamId } from '../domain/topic/topic.decider';
import type { TopicEvent } from '../domain/topic/topic.events';
import type { Topic, TopicState } from '../domain/topic/topic.state';

/** Load, decide, append for topics, and set a vote's closing deadline once its VotingOpened is stored. */
@Injectable()
export class TopicCommands {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
  ) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  async load(topicId: string): Promise<TopicState> {
    const { events } = await this.infrastructure.eventStore.readStream(topicStreamId(topicId));
    return fold(
      topicDecider,
      events.map((e) => toDomainEvent<TopicEvent>(e)),
    );
  }

  /** The topic, or TOPIC.NOT_FOUND (404). */
  async existing(topicId: string): Promise<Topic> {
    const topic = await this.load(topicId);
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', `no topic ${topicId}`);
    return topic;
  }

  async execute(topicId: string, command: TopicCommand, caller: Caller, now = this.now()): Promise<CommandResult<TopicState>> {
    // The envelope's actor is published with the event: an anonymous proposer must not appear in it.
    const anonymous = command.type === 'ProposeTopic' && command.data.anonymous;
    const result = await handleCommand(
      this.infrastructure.eventStore,
      topicDecider,
      topicStreamId(topicId),
      command,
      commandMetadataFor(caller, now, { anonymous }),
      { caller },
    );
    for (const event of result.events) {
      // A deadline is set only once its VotingOpened is stored; a restart keeps it (DurableScheduler).
      if (event.type === 'VotingOpened') {
        const { closesAt } = (event as { data: { closesAt: string } }).data;
        await this.scheduler.schedule(`close-voting:${topicId}`, new Date(closesAt), CLOSE_VOTING_TIMER, { topicId });
      }
    }
    return result;
  }
}
