import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { AssignmentCommands } from '../../application/assignment-commands';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { RequestReassignment } from './request-reassignment.command';

/** The assignment goes back to the street like a decline, recorded as a request to reassign (before or after 签收). */
@CommandHandler(RequestReassignment)
export class RequestReassignmentHandler implements ICommandHandler<RequestReassignment, AssignmentState> {
  constructor(private readonly assignments: AssignmentCommands) {}

  async execute({ data: { assignmentId, principal, request } }: RequestReassignment): Promise<AssignmentState> {
    const metadata = commandMetadataFor(principal, this.assignments.now());
    const command = {
      type: 'DeclineAssignment' as const,
      data: { kind: 'reassignment_requested' as const, reason: request.reason, suggestedDepartmentId: request.suggestedDepartmentId },
    };
    const result = await this.assignments.execute(assignmentId, command, metadata, principal.scope.departmentId);
    return result.state;
  }
}
