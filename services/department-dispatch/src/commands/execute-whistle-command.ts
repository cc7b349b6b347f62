import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata, CommandResult } from '@gongzhi/eventsourcing';
import { WhistleCommands } from '../application/whistle-commands';
import type { WhistleCommand } from '../domain/whistle/whistle.commands';
import type { WhistleState } from '../domain/whistle/whistle.state';

/** Any command on one whistle, as a durable timer issues it: no one acts, and the decider alone judges it. */
export class ExecuteWhistleCommand {
  readonly type = 'ExecuteWhistleCommand';
  constructor(
    readonly data: {
      readonly whistleId: string;
      readonly command: WhistleCommand;
      readonly metadata: CommandMetadata;
    },
  ) {}
}

@CommandHandler(ExecuteWhistleCommand)
export class ExecuteWhistleCommandHandler implements ICommandHandler<ExecuteWhistleCommand, CommandResult<WhistleState>> {
  constructor(private readonly whistles: WhistleCommands) {}

  execute({ data: { whistleId, command, metadata } }: ExecuteWhistleCommand): Promise<CommandResult<WhistleState>> {
    return this.whistles.execute(whistleId, command, metadata);
  }
}
