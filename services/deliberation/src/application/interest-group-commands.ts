import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { fold, handleCommand, toDomainEvent, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../domain/caller';
import type { InterestGroupCommand } from '../domain/interest-group/interest-group.commands';
import { interestGroupDecider, interestGroupStreamId } from '../domain/interest-group/interest-group.decider';
import type { InterestGroupEvent } from '../domain/interest-group/interest-group.events';
import type { InterestGroupState } from '../domain/interest-group/interest-group.state';

/** Load, decide, append for interest groups. Their members are read from the stream, never from a lagging view, when a roll is drawn. */
@Injectable()
export class InterestGroupCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  now(): Date {
    return this.infrastructure.clock.now();
  }

  async group(groupId: string): Promise<InterestGroupState> {
    const { events } = await this.infrastructure.eventStore.readStream(interestGroupStreamId(groupId));
    return fold(
      interestGroupDecider,
      events.map((e) => toDomainEvent<InterestGroupEvent>(e)),
    );
  }

  execute(groupId: string, command: InterestGroupCommand, caller: Caller, now = this.now()): Promise<CommandResult<InterestGroupState>> {
    return handleCommand(
      this.infrastructure.eventStore,
      interestGroupDecider,
      interestGroupStreamId(groupId),
      command,
      commandMetadataFor(caller, now),
      { caller },
    );
  }
}
