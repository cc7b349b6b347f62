import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { Caller } from '../../domain/caller';
import { councilStreamId, rotationDecider, type RotationCommand, type RotationState } from '../../domain/rotation/rotation.decider';
import { metadataFor } from '../command-context';

/** Volunteering for a community council, or rotating its members. */
export class RunRotationCommand {
  constructor(
    readonly communityId: string,
    readonly command: RotationCommand,
    readonly caller: Caller,
  ) {}
}

@CommandHandler(RunRotationCommand)
export class RunRotationCommandHandler implements ICommandHandler<RunRotationCommand, CommandResult<RotationState>> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute({ communityId, command, caller }: RunRotationCommand): Promise<CommandResult<RotationState>> {
    const now = this.infrastructure.clock.now();
    return handleCommand(this.infrastructure.eventStore, rotationDecider, councilStreamId(communityId), command, metadataFor(caller, now), { caller });
  }
}
