import { commandMetadataFor } from '@gongzhi/identity';
import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../domain/caller';
import { councilStreamId, rotationDecider, type RotationCommand, type RotationState } from '../domain/rotation/rotation.decider';

/** Load, decide, append for a community's council (轮值): its volunteers and terms. */
@Injectable()
export class RotationCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute(communityId: string, command: RotationCommand, caller: Caller): Promise<CommandResult<RotationState>> {
    const now = this.infrastructure.clock.now();
    return handleCommand(
      this.infrastructure.eventStore,
      rotationDecider,
      councilStreamId(communityId),
      command,
      commandMetadataFor(caller, now),
      { caller },
    );
  }
}
