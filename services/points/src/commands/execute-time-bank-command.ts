import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { Streams } from '../application/streams';
import type { TimeBankCommand } from '../domain/time-bank/time-bank.commands';
import type { ExecuteLedgerCommand } from './execute-ledger-command';

/** Any command on one resident's time bank, as a policy issues it (hours arriving from a transfer). */
export class ExecuteTimeBankCommand {
  readonly type = 'ExecuteTimeBankCommand';
  constructor(
    readonly data: {
      readonly command: TimeBankCommand;
      readonly metadata: CommandMetadata;
    },
  ) {}
}

export type TimeBankResult = Awaited<ReturnType<Streams['timeBank']>>;

/** What the policies need of the CommandBus: a test hands in a function instead. */
export interface StreamCommandBus {
  execute(command: ExecuteLedgerCommand | ExecuteTimeBankCommand): Promise<unknown>;
}

@CommandHandler(ExecuteTimeBankCommand)
export class ExecuteTimeBankCommandHandler implements ICommandHandler<ExecuteTimeBankCommand, TimeBankResult> {
  constructor(private readonly streams: Streams) {}

  execute({ data: { command, metadata } }: ExecuteTimeBankCommand): Promise<TimeBankResult> {
    return this.streams.timeBank(command, metadata);
  }
}
