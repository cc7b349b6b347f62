import { Inject } from '@nestjs/common';
import { commandMetadataFor } from '@gongzhi/identity';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertStreetOrCommunityOfficer, placeOf } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';
import { VoidCase } from './void-case.command';

/**
 * Voiding takes back what acceptance gave (the reporter's points), so it is an officer's call, of the
 * case's own community or street: a grid worker who accepted a case cannot quietly undo it.
 */
@CommandHandler(VoidCase)
export class VoidCaseHandler implements ICommandHandler<VoidCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { caseId, principal, reason } }: VoidCase): Promise<void> {
    const state = await this.cases.existing(caseId);
    assertStreetOrCommunityOfficer(principal, placeOf(this.reference.grid(state.report.gridId)), 'void');
    await this.cases.execute(caseId, { type: 'VoidCase', data: { reason } }, commandMetadataFor(principal, this.cases.now()));
  }
}
