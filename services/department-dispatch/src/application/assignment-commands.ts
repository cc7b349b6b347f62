import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandMetadata, type CommandResult } from '@gongzhi/eventsourcing';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import type { AssignmentCommand } from '../domain/assignment/assignment.commands';
import { assignmentDecider, assignmentStreamId, type AssignmentState } from '../domain/assignment/assignment.decider';

/** Load, decide, append for assignments: the one path every use case (HTTP, case policy) takes. */
@Injectable()
export class AssignmentCommands {
  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  /** `actorDepartmentId`: the department of the staff member acting; absent for the platform's own commands. */
  execute(
    assignmentId: string,
    command: AssignmentCommand,
    metadata: CommandMetadata,
    actorDepartmentId?: string,
  ): Promise<CommandResult<AssignmentState>> {
    return handleCommand(this.infrastructure.eventStore, assignmentDecider, assignmentStreamId(assignmentId), command, metadata, {
      actorDepartmentId,
    });
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }
}
