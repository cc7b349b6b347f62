import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { AssignmentCommands } from '../../application/assignment-commands';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { DeclineAssignment } from './decline-assignment.command';

/** Declining is possible only before 签收 (the decider says so); afterwards the department asks for reassignment. */
@CommandHandler(DeclineAssignment)
export class DeclineAssignmentHandler implements ICommandHandler<DeclineAssignment, AssignmentState> {
  constructor(private readonly assignments: AssignmentCommands) {}

  async execute({ data: { assignmentId, principal, request } }: DeclineAssignment): Promise<AssignmentState> {
    const metadata = commandMetadataFor(principal, this.assignments.now());
    const command = {
      type: 'DeclineAssignment' as const,
      data: { kind: 'declined' as const, reason: request.reason, suggestedDepartmentId: request.suggestedDepartmentId },
    };
    const result = await this.assignments.execute(assignmentId, command, metadata, principal.scope.departmentId);
    return result.state;
  }
}
