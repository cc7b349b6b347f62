import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@gongzhi/identity';
import { assertTriagesHere, placeOf } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { isFinal } from '../../domain/case/case.state';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import { metadataFor } from '../../http/principal';
import type { ReferenceData } from '../../reference-data/reference-data';

/** 受理 / 不予受理 / 合并: triage by the grid's worker or the community's or street's officers. */
@Injectable()
export class TriageCaseHandler {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  private async authorised(caseId: string, principal: Principal, action: string) {
    const state = await this.cases.existing(caseId);
    assertTriagesHere(principal, placeOf(this.reference.grid(state.report.gridId)), action);
    return state;
  }

  async accept(caseId: string, principal: Principal, categoryCode?: string): Promise<void> {
    const state = await this.authorised(caseId, principal, 'accept');
    const category = this.reference.category(categoryCode ?? state.categoryCode);
    await this.cases.execute(caseId, { type: 'AcceptCase', data: { categoryCode: category.code } }, metadataFor(principal, this.cases.now()));
  }

  async reject(caseId: string, principal: Principal, reason: string): Promise<void> {
    await this.authorised(caseId, principal, 'reject');
    await this.cases.execute(caseId, { type: 'RejectCase', data: { reason } }, metadataFor(principal, this.cases.now()));
  }

  async merge(caseId: string, principal: Principal, intoCaseId: string): Promise<void> {
    await this.authorised(caseId, principal, 'merge');
    const target = await this.cases.load(intoCaseId);
    const targetIsOpen = target.status !== 'None' && !isFinal(target);
    await this.cases.execute(caseId, { type: 'MergeCase', data: { intoCaseId, targetIsOpen } }, metadataFor(principal, this.cases.now()));
  }
}
