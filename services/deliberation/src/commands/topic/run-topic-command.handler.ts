import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type DurableScheduler, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../../domain/caller';
import type { TopicCommand } from '../../domain/topic/topic.commands';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import type { TopicState } from '../../domain/topic/topic.state';
import { metadataFor } from '../command-context';
import { CLOSE_VOTING_TIMER, VOTING_SCHEDULER } from '../deliberation-tokens';

/** Any step of a topic's lifecycle, as the decider knows it. */
export class RunTopicCommand {
  constructor(
    readonly topicId: string,
    readonly command: TopicCommand,
    readonly caller: Caller,
  ) {}
}

@CommandHandler(RunTopicCommand)
export class RunTopicCommandHandler implements ICommandHandler<RunTopicCommand, CommandResult<TopicState>> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(VOTING_SCHEDULER) private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ topicId, command, caller }: RunTopicCommand): Promise<CommandResult<TopicState>> {
    const now = this.infrastructure.clock.now();
    const anonymous = command.type === 'ProposeTopic' && command.data.anonymous;
    const result = await handleCommand(this.infrastructure.eventStore, topicDecider, topicStreamId(topicId), command, metadataFor(caller, now, { anonymous }), {
      caller,
    });
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
