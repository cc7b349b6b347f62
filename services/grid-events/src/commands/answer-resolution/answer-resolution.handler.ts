import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@gongzhi/identity';
import { forbidden } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { CaseReporters } from '../../application/case-reporters';
import type { CaseCommand } from '../../domain/case/case.commands';
import { isFinal } from '../../domain/case/case.state';
import { GRID_EVENTS_SETTINGS, REFERENCE_DATA } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import { metadataFor } from '../../http/principal';
import type { ReferenceData } from '../../reference-data/reference-data';
import type { EvaluateCaseRequest } from './answer-resolution.request';

/** 反馈-评价: the reporter confirms or reopens the fix and rates it; any resident may follow a case. */
@Injectable()
export class AnswerResolutionHandler {
  constructor(
    private readonly cases: CaseCommands,
    private readonly reporters: CaseReporters,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
  ) {}

  private async asReporter(caseId: string, principal: Principal, build: (categoryCode: string) => CaseCommand): Promise<void> {
    const state = await this.cases.existing(caseId);
    const reporter = await this.reporters.reporterOf(caseId);
    if (reporter?.reporterId !== principal.subject) throw forbidden('only the reporter of the case may answer its resolution');
    await this.cases.execute(caseId, build(state.categoryCode), metadataFor(principal, this.cases.now(), reporter.anonymous));
  }

  confirm(caseId: string, principal: Principal): Promise<void> {
    return this.asReporter(caseId, principal, (categoryCode) => ({
      type: 'ConfirmResolution',
      data: { evaluationRequired: this.reference.category(categoryCode).evaluationRequired, evaluateWithinHours: this.settings.autoCloseAfterHours },
    }));
  }

  reopen(caseId: string, principal: Principal, reason: string): Promise<void> {
    return this.asReporter(caseId, principal, () => ({ type: 'ReopenCase', data: { reason } }));
  }

  evaluate(caseId: string, principal: Principal, request: EvaluateCaseRequest): Promise<void> {
    return this.asReporter(caseId, principal, () => ({ type: 'EvaluateCase', data: request }));
  }

  /** Follow an open case instead of reporting it again: its notifications come to you too. */
  async follow(caseId: string, principal: Principal): Promise<void> {
    const state = await this.cases.existing(caseId);
    if (isFinal(state)) throw forbidden('only an open case can be followed');
    await this.reporters.follow(caseId, principal.subject, this.cases.now());
  }
}
