import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { AssignmentCommand } from '../domain/assignment/assignment.commands';
import { assignmentDecider, assignmentStreamId, type AssignmentState } from '../domain/assignment/assignment.decider';

/** Any command on one assignment, as a controller or the dispatch policy issues it. */
export class ExecuteAssignmentCommand extends Command<CommandResult<AssignmentState>> {
  constructor(
    readonly assignmentId: string,
    readonly command: AssignmentCommand,
    readonly metadata: CommandMetadata,
    readonly actorDepartmentId?: string,
  ) {
    super();
  }
}

/** Load, decide, append: the assignment decider does the rest. */
@CommandHandler(ExecuteAssignmentCommand)
export class ExecuteAssignmentCommandHandler implements ICommandHandler<ExecuteAssignmentCommand> {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  execute({ assignmentId, command, metadata, actorDepartmentId }: ExecuteAssignmentCommand): Promise<CommandResult<AssignmentState>> {
    return handleCommand(this.infrastructure.eventStore, assignmentDecider, assignmentStreamId(assignmentId), command, metadata, {
      actorDepartmentId,
    });
  }
}
