import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor, type Principal } from '@gongzhi/identity';
import { assertTriagesHere, placeOf } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { isFinal, type CaseFacts } from '../../domain/case/case.state';
import { REFERENCE_DATA } from '../../grid-events.tokens';
import type { ReferenceData } from '../../reference-data/reference-data';
import { AcceptCase, MergeCase, RejectCase } from './triage-case.command';

/** 受理 / 不予受理 / 合并: triage by the grid's worker or the community's or street's officers. */
async function authorised(
  cases: CaseCommands,
  reference: ReferenceData,
  caseId: string,
  principal: Principal,
  action: string,
): Promise<CaseFacts> {
  const state = await cases.existing(caseId);
  assertTriagesHere(principal, placeOf(reference.grid(state.report.gridId)), action);
  return state;
}

@CommandHandler(AcceptCase)
export class AcceptCaseHandler implements ICommandHandler<AcceptCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { caseId, principal, categoryCode } }: AcceptCase): Promise<void> {
    const state = await authorised(this.cases, this.reference, caseId, principal, 'accept');
    const category = this.reference.category(categoryCode ?? state.categoryCode);
    await this.cases.execute(
      caseId,
      { type: 'AcceptCase', data: { categoryCode: category.code } },
      commandMetadataFor(principal, this.cases.now()),
    );
  }
}

@CommandHandler(RejectCase)
export class RejectCaseHandler implements ICommandHandler<RejectCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { caseId, principal, reason } }: RejectCase): Promise<void> {
    await authorised(this.cases, this.reference, caseId, principal, 'reject');
    await this.cases.execute(caseId, { type: 'RejectCase', data: { reason } }, commandMetadataFor(principal, this.cases.now()));
  }
}

@CommandHandler(MergeCase)
export class MergeCaseHandler implements ICommandHandler<MergeCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  async execute({ data: { caseId, principal, intoCaseId } }: MergeCase): Promise<void> {
    await authorised(this.cases, this.reference, caseId, principal, 'merge');
    const target = await this.cases.load(intoCaseId);
    const targetIsOpen = target.status !== 'None' && !isFinal(target);
    await this.cases.execute(
      caseId,
      { type: 'MergeCase', data: { intoCaseId, targetIsOpen } },
      commandMetadataFor(principal, this.cases.now()),
    );
  }
}
