import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata, CommandResult } from '@gongzhi/eventsourcing';
import { CaseCommands } from '../application/case-commands';
import type { CaseCommand } from '../domain/case/case.commands';
import type { CaseState } from '../domain/case/case.state';

/** Any command on one case, as a policy or a deadline issues it: the decider alone judges it. */
export class ExecuteCaseCommand {
  readonly type = 'ExecuteCaseCommand';
  constructor(
    readonly data: {
      readonly caseId: string;
      readonly command: CaseCommand;
      readonly metadata: CommandMetadata;
    },
  ) {}
}

/** What policies and timers need of the CommandBus: a test hands in a function instead. */
export interface CaseCommandBus {
  execute(command: ExecuteCaseCommand): Promise<unknown>;
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CommandResult<CaseState>> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data: { caseId, command, metadata } }: ExecuteCaseCommand): Promise<CommandResult<CaseState>> {
    return this.cases.execute(caseId, command, metadata);
  }
}
