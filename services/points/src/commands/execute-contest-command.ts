import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata } from '@gongzhi/eventsourcing';
import { Streams } from '../application/streams';
import type { ContestCommand } from '../domain/contest/contest.commands';

/** Any command on a contest, as a policy issues it: the contest decider alone judges it. */
export class ExecuteContestCommand {
  readonly type = 'ExecuteContestCommand';
  constructor(
    readonly data: {
      readonly command: ContestCommand;
      readonly metadata: CommandMetadata;
    },
  ) {}
}

/** What the contest policies need of the CommandBus. */
export interface ContestCommandBus {
  execute(command: ExecuteContestCommand): Promise<unknown>;
}

@CommandHandler(ExecuteContestCommand)
export class ExecuteContestCommandHandler implements ICommandHandler<ExecuteContestCommand> {
  constructor(private readonly streams: Streams) {}

  execute({ data: { command, metadata } }: ExecuteContestCommand) {
    return this.streams.contest(command, metadata);
  }
}
