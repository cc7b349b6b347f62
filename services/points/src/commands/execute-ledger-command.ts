import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { Streams } from '../application/streams';
import type { LedgerCommand } from '../domain/ledger/ledger.commands';

/** Any command on one resident's ledger, as a policy issues it: the ledger decider alone judges it. */
export class ExecuteLedgerCommand {
  readonly type = 'ExecuteLedgerCommand';
  constructor(
    readonly data: {
      readonly command: LedgerCommand;
      readonly metadata: CommandMetadata;
    },
  ) {}
}

export type LedgerResult = Awaited<ReturnType<Streams['ledger']>>;

@CommandHandler(ExecuteLedgerCommand)
export class ExecuteLedgerCommandHandler implements ICommandHandler<ExecuteLedgerCommand, LedgerResult> {
  constructor(private readonly streams: Streams) {}

  execute({ data: { command, metadata } }: ExecuteLedgerCommand): Promise<LedgerResult> {
    return this.streams.ledger(command, metadata);
  }
}
