import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { AssignmentCommands } from '../../application/assignment-commands';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { AcknowledgeAssignment } from './acknowledge-assignment.command';

/** 签收 by staff of the assigned department only (the decider compares the departments); within acknowledgeBy or late. */
@CommandHandler(AcknowledgeAssignment)
export class AcknowledgeAssignmentHandler implements ICommandHandler<AcknowledgeAssignment, AssignmentState> {
  constructor(private readonly assignments: AssignmentCommands) {}

  async execute({ data: { assignmentId, principal } }: AcknowledgeAssignment): Promise<AssignmentState> {
    const metadata = commandMetadataFor(principal, this.assignments.now());
    const result = await this.assignments.execute(
      assignmentId,
      { type: 'AcknowledgeAssignment', data: {} },
      metadata,
      principal.scope.departmentId,
    );
    return result.state;
  }
}
