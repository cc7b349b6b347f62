import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { AssignmentCommands } from '../../application/assignment-commands';
import type { AssignmentState } from '../../domain/assignment/assignment.decider';
import { ReportAssignmentProgress } from './report-assignment-progress.command';

/** Progress on an acknowledged assignment, by staff of its department only. */
@CommandHandler(ReportAssignmentProgress)
export class ReportAssignmentProgressHandler implements ICommandHandler<ReportAssignmentProgress, AssignmentState> {
  constructor(private readonly assignments: AssignmentCommands) {}

  async execute({ data: { assignmentId, principal, request } }: ReportAssignmentProgress): Promise<AssignmentState> {
    const metadata = commandMetadataFor(principal, this.assignments.now());
    const command = { type: 'ReportAssignmentProgress' as const, data: { note: request.note, photoIds: request.photoIds } };
    const result = await this.assignments.execute(assignmentId, command, metadata, principal.scope.departmentId);
    return result.state;
  }
}
