import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import {
  earlyWarningDecider,
  earlyWarningStreamId,
  type EarlyWarningState,
  type RaiseEarlyWarning,
} from '../domain/early-warning/early-warning.decider';

/** A warning the platform's detectors raise (early-warning.policy); no person raises one. */
export class ExecuteEarlyWarningCommand {
  readonly type = 'ExecuteEarlyWarningCommand';
  constructor(readonly data: { readonly warningId: string; readonly command: RaiseEarlyWarning; readonly metadata: CommandMetadata }) {}
}

@CommandHandler(ExecuteEarlyWarningCommand)
export class ExecuteEarlyWarningCommandHandler implements ICommandHandler<ExecuteEarlyWarningCommand, CommandResult<EarlyWarningState>> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute({ data: { warningId, command, metadata } }: ExecuteEarlyWarningCommand): Promise<CommandResult<EarlyWarningState>> {
    return handleCommand(this.infrastructure.eventStore, earlyWarningDecider, earlyWarningStreamId(warningId), command, metadata, {});
  }
}
