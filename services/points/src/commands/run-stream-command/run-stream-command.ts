import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { Streams } from '../../application/streams';
import type { LedgerCommand } from '../../domain/ledger/ledger.commands';
import type { TimeBankCommand } from '../../domain/time-bank/time-bank.commands';

/** Any command on one resident's ledger, as a policy issues it: the ledger decider alone judges it. */
export class RunLedgerCommand {
  constructor(
    readonly command: LedgerCommand,
    readonly metadata: CommandMetadata,
  ) {}
}

/** Any command on one resident's time bank, as a policy issues it. */
export class RunTimeBankCommand {
  constructor(
    readonly command: TimeBankCommand,
    readonly metadata: CommandMetadata,
  ) {}
}

/** What the policies need of the CommandBus. */
export interface StreamCommandBus {
  execute(command: RunLedgerCommand | RunTimeBankCommand): Promise<unknown>;
}

@CommandHandler(RunLedgerCommand)
export class RunLedgerCommandHandler implements ICommandHandler<RunLedgerCommand> {
  constructor(private readonly streams: Streams) {}

  execute({ command, metadata }: RunLedgerCommand) {
    return this.streams.ledger(command, metadata);
  }
}

@CommandHandler(RunTimeBankCommand)
export class RunTimeBankCommandHandler implements ICommandHandler<RunTimeBankCommand> {
  constructor(private readonly streams: Streams) {}

  execute({ command, metadata }: RunTimeBankCommand) {
    return this.streams.timeBank(command, metadata);
  }
}
