import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, fold, toDomainEvent } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../../domain/caller';
import type { OpenVotingData } from '../../domain/topic/topic.commands';
import { topicDecider, topicStreamId } from '../../domain/topic/topic.decider';
import type { TopicEvent } from '../../domain/topic/topic.events';
import { RESIDENT_REGISTER, type ResidentRegister } from '../../roll/resident-register';
import { RunTopicCommand } from './run-topic-command.handler';

export class OpenTopicVoting {
  constructor(
    readonly topicId: string,
    readonly voting: Omit<OpenVotingData, 'verifiedResidents'>,
    readonly caller: Caller,
  ) {}
}

/**
 * Draws the roll from the register at the moment voting opens (the decider records it and counts against
 * it): the verified residents of the topic's community, or of its grid for a grid or building vote. The
 * officer names the scope; who is in it is never theirs to say (a building roster only picks among them).
 */
@CommandHandler(OpenTopicVoting)
export class OpenTopicVotingHandler implements ICommandHandler<OpenTopicVoting, { topicId: string; eligibleVoters: number }> {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(RESIDENT_REGISTER) private readonly register: ResidentRegister,
    private readonly commands: CommandBus,
  ) {}

  async execute({ topicId, voting, caller }: OpenTopicVoting): Promise<{ topicId: string; eligibleVoters: number }> {
    const { events } = await this.infrastructure.eventStore.readStream(topicStreamId(topicId));
    const topic = fold(topicDecider, events.map((e) => toDomainEvent<TopicEvent>(e)));
    if (topic.status === 'None') throw new DomainError('TOPIC.NOT_FOUND', `no topic ${topicId}`);
    // A grid's or a building's roll comes from the topic's grid: a building roster names verified residents of it.
    const gridId = voting.eligibility.scope === 'community' ? null : topic.gridId;
    const verifiedResidents = await this.register.verifiedResidentsOf({ communityId: topic.communityId, gridId });
    const result = await this.commands.execute(new RunTopicCommand(topicId, { type: 'OpenVoting', data: { ...voting, verifiedResidents } }, caller));
    const opened = (result as { state: { voting?: { eligibleVoters: number } | null } }).state.voting;
    return { topicId, eligibleVoters: opened?.eligibleVoters ?? 0 };
  }
}
