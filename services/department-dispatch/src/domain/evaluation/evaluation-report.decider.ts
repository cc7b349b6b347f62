import { DomainError, type DecisionContext, type Decider } from '@gongzhi/eventsourcing';
import { event } from '../domain-event';
import type { PublishEvaluationReport } from './evaluation.commands';
import type { EvaluationReportEvent } from './evaluation.events';

/** Published versions are never changed; the state keeps only what the next correction needs. */
export type EvaluationReportState = { readonly status: 'Unpublished' } | { readonly status: 'Published'; readonly latestVersion: number };

export interface EvaluationReportContext extends DecisionContext {
  /** Whether the acting evaluator holds a grant over the report's community now (evaluator-grant.decider `grantCovers`). */
  readonly evaluatorGranted: boolean;
}

export const evaluationReportId = (communityId: string, period: string) => `${communityId}/${period}`;
export const evaluationReportStreamId = (communityId: string, period: string) => `evaluation-report-${communityId}-${period}`;

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details);

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function decide(
  command: PublishEvaluationReport,
  state: EvaluationReportState,
  context: EvaluationReportContext,
): readonly EvaluationReportEvent[] {
  const { communityId, streetId, period, scores, summary, correctionReason } = command.data;
  if (!context.evaluatorGranted) {
    throw refuse('EVALUATION_REPORT.FORBIDDEN', `No grant lets this evaluator report on ${communityId} now`);
  }
  const headings = scores.map((s) => s.heading);
  if (new Set(headings).size !== headings.length) {
    throw refuse('EVALUATION_REPORT.DUPLICATE_HEADING', 'Each heading is scored once', { field: 'scores' });
  }
  if (state.status === 'Published' && correctionReason === null) {
    throw refuse(
      'EVALUATION_REPORT.ALREADY_PUBLISHED',
      `The report on ${communityId} for ${period} is published; a change is a correction and says why`,
      { field: 'correctionReason' },
    );
  }
  if (state.status === 'Unpublished' && correctionReason !== null) {
    throw refuse('EVALUATION_REPORT.NOTHING_TO_CORRECT', 'No report on this community and period is published yet', {
      field: 'correctionReason',
    });
  }
  const version = state.status === 'Published' ? state.latestVersion + 1 : 1;
  return [
    event('EvaluationReportPublished', {
      reportId: evaluationReportId(communityId, period),
      communityId,
      streetId,
      period,
      version,
      evaluatorId: context.actor.id,
      scores: scores.map(({ heading, score }) => ({ heading, score })),
      overallScore: oneDecimal(scores.reduce((sum, s) => sum + s.score, 0) / scores.length),
      summary,
      correction:
        state.status === 'Published' && correctionReason !== null ? { ofVersion: state.latestVersion, reason: correctionReason } : null,
    }),
  ];
}

function evolve(_state: EvaluationReportState, published: EvaluationReportEvent): EvaluationReportState {
  return { status: 'Published', latestVersion: published.data.version };
}

export const evaluationReportDecider: Decider<
  EvaluationReportState,
  PublishEvaluationReport,
  EvaluationReportEvent,
  EvaluationReportContext
> = {
  decide,
  evolve,
  initialState: () => ({ status: 'Unpublished' }),
};
