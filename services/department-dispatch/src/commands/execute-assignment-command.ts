import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandMetadata, CommandResult } from '@gongzhi/eventsourcing';
import { AssignmentCommands } from '../application/assignment-commands';
import type { AssignmentCommand } from '../domain/assignment/assignment.commands';
import type { AssignmentState } from '../domain/assignment/assignment.decider';

/** Any command on one assignment, as the case policy issues it: the platform acts, no department, and the decider alone judges it. */
export class ExecuteAssignmentCommand {
  readonly type = 'ExecuteAssignmentCommand';
  constructor(
    readonly data: {
      readonly assignmentId: string;
      readonly command: AssignmentCommand;
      readonly metadata: CommandMetadata;
    },
  ) {}
}

@CommandHandler(ExecuteAssignmentCommand)
export class ExecuteAssignmentCommandHandler implements ICommandHandler<ExecuteAssignmentCommand, CommandResult<AssignmentState>> {
  constructor(private readonly assignments: AssignmentCommands) {}

  execute({ data: { assignmentId, command, metadata } }: ExecuteAssignmentCommand): Promise<CommandResult<AssignmentState>> {
    return this.assignments.execute(assignmentId, command, metadata);
  }
}
