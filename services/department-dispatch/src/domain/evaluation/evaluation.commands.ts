// Commands of third-party evaluation (第三方评估): plain data, decided by evaluator-grant.decider.ts and
// evaluation-report.decider.ts. Who acts comes in the decision context.

/** By a city admin: the evaluator may read these communities, and report on them, from validFrom to validUntil. */
export interface GrantEvaluatorAccess {
  readonly type: 'GrantEvaluatorAccess';
  readonly data: {
    readonly grantId: string;
    readonly evaluatorId: string;
    readonly communityIds: readonly string[];
    readonly validFrom: string;
    readonly validUntil: string;
  };
}

export interface HeadingScore {
  readonly heading: string;
  readonly score: number;
}

/** By a granted evaluator; a second publication of the same community and period is a correction and says why. */
export interface PublishEvaluationReport {
  readonly type: 'PublishEvaluationReport';
  readonly data: {
    readonly communityId: string;
    readonly streetId: string;
    readonly period: string;
    readonly scores: readonly HeadingScore[];
    readonly summary: string;
    readonly correctionReason: string | null;
  };
}
