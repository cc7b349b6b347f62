import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorityCovers, commandMetadataFor } from '@gongzhi/identity';
import { placeOf } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { GridRegister } from '../../application/grid-register';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';
import { NameCaseFacility } from './name-case-facility.command';

/** The staff who triage a case (its grid's workers, the officers over it) may say which facility it is about. */
@CommandHandler(NameCaseFacility)
export class NameCaseFacilityHandler implements ICommandHandler<NameCaseFacility, { facilityId: string }> {
  constructor(
    private readonly cases: CaseCommands,
    private readonly register: GridRegister,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { principal, caseId, facilityId } }: NameCaseFacility): Promise<{ facilityId: string }> {
    const state = await this.cases.existing(caseId);
    const grid = this.reference.grid(state.report.gridId);
    assertAuthorityCovers(
      principal,
      placeOf(grid),
      ['grid_worker', 'community_officer', 'street_officer'],
      'name the facility of this case',
    );
    await this.register.assertFacilityOf(grid, facilityId);
    await this.cases.execute(caseId, { type: 'NameFacility', data: { facilityId } }, commandMetadataFor(principal, this.cases.now()));
    return { facilityId };
  }
}
