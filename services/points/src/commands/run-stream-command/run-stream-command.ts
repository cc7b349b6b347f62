import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { Streams } from '../../application/streams';
import type { LedgerCommand } from '../../domain/ledger/ledger.commands';
import type { RewardCommand } from '../../domain/rewards/reward.decider';
import type { RulesCommand } from '../../domain/rules/rules.decider';
import type { TimeBankCommand } from '../../domain/time-bank/time-bank.commands';
import type { TimeBankLookups } from '../../domain/time-bank/time-bank.decider';

/**
 * A command on one of the service's streams, as an HTTP controller or a policy issues it: the stream's decider
 * alone judges it. Everything goes through the CommandBus, so every command is counted the same way.
 */

/** Any command on one resident's ledger: the ledger decider alone judges it. */
export class RunLedgerCommand {
  constructor(
    readonly command: LedgerCommand,
    readonly metadata: CommandMetadata,
  ) {}
}

/** Any command on one resident's time bank; a transfer also says whether the recipient is known here. */
export class RunTimeBankCommand {
  constructor(
    readonly command: TimeBankCommand,
    readonly metadata: CommandMetadata,
    readonly context: TimeBankLookups = {},
  ) {}
}

/** Any command on one reward of the catalogue (listing, restocking). */
export class RunRewardCommand {
  constructor(
    readonly command: RewardCommand,
    readonly metadata: CommandMetadata,
  ) {}
}

/** A change to the point rules (the admin's override of the configured ones). */
export class RunRulesCommand {
  constructor(
    readonly command: RulesCommand,
    readonly metadata: CommandMetadata,
  ) {}
}

export type LedgerResult = Awaited<ReturnType<Streams['ledger']>>;
export type TimeBankResult = Awaited<ReturnType<Streams['timeBank']>>;
export type RewardResult = Awaited<ReturnType<Streams['reward']>>;
export type RulesResult = Awaited<ReturnType<Streams['rules']>>;

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

  execute({ command, metadata, context }: RunTimeBankCommand) {
    return this.streams.timeBank(command, metadata, context);
  }
}

@CommandHandler(RunRewardCommand)
export class RunRewardCommandHandler implements ICommandHandler<RunRewardCommand> {
  constructor(private readonly streams: Streams) {}

  execute({ command, metadata }: RunRewardCommand) {
    return this.streams.reward(command, metadata);
  }
}

@CommandHandler(RunRulesCommand)
export class RunRulesCommandHandler implements ICommandHandler<RunRulesCommand> {
  constructor(private readonly streams: Streams) {}

  execute({ command, metadata }: RunRulesCommand) {
    return this.streams.rules(command, metadata);
  }
}
