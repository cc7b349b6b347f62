import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor } from '@gongzhi/identity';
import { forbidden } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { isFinal } from '../../domain/case/case.state';
import { MergeDuplicateCase } from './merge-duplicate-case.command';

/**
 * A department merges only its own work into its own work: the case must be assigned to it (the decider checks)
 * and so must the target, which is looked up here; a made-up or foreign target reads as "not one of yours".
 */
@CommandHandler(MergeDuplicateCase)
export class MergeDuplicateCaseHandler implements ICommandHandler<MergeDuplicateCase, void> {
  constructor(private readonly cases: CaseCommands) {}

  async execute({ data: { caseId, principal, intoCaseId } }: MergeDuplicateCase): Promise<void> {
    const departmentId = principal.scope.departmentId;
    // Who may act comes before what state the case is in: another department learns nothing from the answer.
    const state = await this.cases.existing(caseId);
    if (!departmentId || state.assignment?.departmentId !== departmentId)
      throw forbidden('only the staff of the department the case is dispatched to may merge it');
    const target = await this.cases.load(intoCaseId);
    const targetIsOpen = target.status !== 'None' && !isFinal(target);
    const targetHeldByDepartment = target.status !== 'None' && target.assignment?.departmentId === departmentId;
    await this.cases.execute(
      caseId,
      {
        type: 'MergeDuplicateCase',
        data: { by: { kind: 'department', id: departmentId, departmentId }, intoCaseId, targetIsOpen, targetHeldByDepartment },
      },
      commandMetadataFor(principal, this.cases.now()),
    );
  }
}
