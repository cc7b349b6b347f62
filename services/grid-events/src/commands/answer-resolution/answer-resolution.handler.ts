import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { commandMetadataFor, type Principal } from '@gongzhi/identity';
import { forbidden } from '../../application/case-access';
import { CaseCommands } from '../../application/case-commands';
import { CaseReaders, readableCaseOf } from '../../application/case-readers';
import { CaseReporters } from '../../application/case-reporters';
import type { CaseCommand } from '../../domain/case/case.commands';
import { isFinal } from '../../domain/case/case.state';
import { GRID_EVENTS_SETTINGS, REFERENCE_DATA } from '../../grid-events.tokens';
import type { GridEventsSettings } from '../../grid-events.settings';
import type { ReferenceData } from '../../reference-data/reference-data';
import { ConfirmResolution, EvaluateCase, FollowCase, ReopenCase } from './answer-resolution.command';

/** 反馈-评价: only the reporter of a case answers its resolution, under the name they reported with. */
@Injectable()
export class ReporterAnswers {
  constructor(
    private readonly cases: CaseCommands,
    private readonly reporters: CaseReporters,
  ) {}

  async answer(caseId: string, principal: Principal, build: (categoryCode: string) => CaseCommand): Promise<void> {
    const state = await this.cases.existing(caseId);
    const reporter = await this.reporters.reporterOf(caseId);
    if (reporter?.reporterId !== principal.subject) throw forbidden('only the reporter of the case may answer its resolution');
    await this.cases.execute(
      caseId,
      build(state.categoryCode),
      commandMetadataFor(principal, this.cases.now(), { anonymous: reporter.anonymous }),
    );
  }
}

@CommandHandler(ConfirmResolution)
export class ConfirmResolutionHandler implements ICommandHandler<ConfirmResolution, void> {
  constructor(
    private readonly answers: ReporterAnswers,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
  ) {}

  execute({ data: { caseId, principal } }: ConfirmResolution): Promise<void> {
    return this.answers.answer(caseId, principal, (categoryCode) => ({
      type: 'ConfirmResolution',
      data: {
        evaluationRequired: this.reference.category(categoryCode).evaluationRequired,
        evaluateWithinHours: this.settings.autoCloseAfterHours,
      },
    }));
  }
}

@CommandHandler(ReopenCase)
export class ReopenCaseHandler implements ICommandHandler<ReopenCase, void> {
  constructor(
    private readonly answers: ReporterAnswers,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  execute({ data: { caseId, principal, reason } }: ReopenCase): Promise<void> {
    return this.answers.answer(caseId, principal, (categoryCode) => ({
      type: 'ReopenCase',
      data: { reason, resolveWithinHours: this.reference.category(categoryCode).resolveWithinHours },
    }));
  }
}

@CommandHandler(EvaluateCase)
export class EvaluateCaseHandler implements ICommandHandler<EvaluateCase, void> {
  constructor(private readonly answers: ReporterAnswers) {}

  execute({ data: { caseId, principal, request } }: EvaluateCase): Promise<void> {
    return this.answers.answer(caseId, principal, () => ({ type: 'EvaluateCase', data: request }));
  }
}

/** Follow an open case instead of reporting it again: its notifications come to you too. */
@CommandHandler(FollowCase)
export class FollowCaseHandler implements ICommandHandler<FollowCase, void> {
  constructor(
    private readonly cases: CaseCommands,
    private readonly reporters: CaseReporters,
    private readonly readers: CaseReaders,
  ) {}

  async execute({ data: { caseId, principal } }: FollowCase): Promise<void> {
    const state = await this.cases.existing(caseId);
    if (isFinal(state)) throw forbidden('only an open case can be followed');
    // Following makes a case readable: a case the caller may not read yet cannot be followed into view.
    const sight = await this.readers.sightOf(principal, readableCaseOf(state));
    if (sight.content !== 'full') throw forbidden('this case is not public yet: it can be followed once the grid has accepted it');
    await this.reporters.follow(caseId, principal.subject, this.cases.now());
  }
}
