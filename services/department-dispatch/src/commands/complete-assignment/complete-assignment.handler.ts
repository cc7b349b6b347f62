import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { AssignmentCommands } from '../../application/assignment-commands';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { CompleteAssignment } from './complete-assignment.command';

/** Completion of an acknowledged assignment by staff of its department only; within resolveBy or late. */
@CommandHandler(CompleteAssignment)
export class CompleteAssignmentHandler implements ICommandHandler<CompleteAssignment, AssignmentState> {
  constructor(private readonly assignments: AssignmentCommands) {}

  async execute({ data: { assignmentId, principal, request } }: CompleteAssignment): Promise<AssignmentState> {
    const metadata = commandMetadataFor(principal, this.assignments.now());
    const command = { type: 'CompleteAssignment' as const, data: { notes: request.notes, afterPhotoIds: request.afterPhotoIds } };
    const result = await this.assignments.execute(assignmentId, command, metadata, principal.scope.departmentId);
    return result.state;
  }
}
