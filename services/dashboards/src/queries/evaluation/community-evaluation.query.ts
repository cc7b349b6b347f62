import { Between, type DataSource } from 'typeorm';
import { z } from 'zod';
import { percentOf, round1 } from '../../figures/percentile';
import { BACKLOG_STATUSES, CaseFact } from '../../read-models/case-fact.entity';
import { daysOfPeriod, evaluationPeriod } from './evaluation-period';

export const communityEvaluationQuery = z.object({ period: evaluationPeriod });
export type CommunityEvaluationQuery = z.output<typeof communityEvaluationQuery>;

export const communityEvaluationResponse = z.object({
  communityId: z.string(),
  period: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  figures: z.object({
    cases: z.number().int(),
    backlog: z.number().int(),
    resolved: z.number().int(),
    resolvedWithinSlaPercent: z.number().nullable(),
    reopened: z.number().int(),
    evaluated: z.number().int(),
    satisfactionAverage: z.number().nullable(),
    satisfiedPercent: z.number().nullable(),
    escalated: z.number().int(),
  }),
  cases: z
    .array(
      z.object({
        caseId: z.string(),
        categoryCode: z.string(),
        gridId: z.string(),
        status: z.string(),
        reportedAt: z.iso.datetime(),
        resolvedAt: z.iso.datetime().nullable(),
        resolvedWithinSla: z.boolean().nullable(),
        reopenCount: z.number().int(),
        satisfaction: z.number().nullable(),
        escalated: z.boolean(),
      }),
    )
    .describe('The most recent 500 cases of the period, newest first; never who reported'),
});

/** The cases as an evaluator sees them: what happened and how fast, never who reported (the facts hold no reporter). */
export interface EvaluatedCase {
  readonly caseId: string;
  readonly categoryCode: string;
  readonly gridId: string;
  readonly status: string;
  readonly reportedAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedWithinSla: boolean | null;
  readonly reopenCount: number;
  readonly satisfaction: number | null;
  readonly escalated: boolean;
}

export interface CommunityEvaluation {
  readonly communityId: string;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly figures: {
    readonly cases: number;
    readonly backlog: number;
    readonly resolved: number;
    readonly resolvedWithinSlaPercent: number | null;
    readonly reopened: number;
    readonly evaluated: number;
    readonly satisfactionAverage: number | null;
    readonly satisfiedPercent: number | null;
    readonly escalated: number;
  };
  /** The most recent 500 cases of the period, newest first. */
  readonly cases: readonly EvaluatedCase[];
}

const CASE_LIMIT = 500;

/** A community's figures and cases of a period (cases reported in it, in the city's calendar). */
export async function readCommunityEvaluation(
  dataSource: DataSource,
  communityId: string,
  { period }: CommunityEvaluationQuery,
): Promise<CommunityEvaluation> {
  const { from, to } = daysOfPeriod(period);
  const facts = await dataSource
    .getRepository(CaseFact)
    .find({ where: { communityId, reportedDay: Between(from, to) }, order: { reportedAt: 'DESC', caseId: 'ASC' } });
  const resolved = facts.filter((f) => f.resolvedAt !== null);
  const ratings = facts.flatMap((f) => (f.satisfaction === null ? [] : [f.satisfaction]));
  return {
    communityId,
    period,
    from,
    to,
    figures: {
      cases: facts.length,
      backlog: facts.filter((f) => BACKLOG_STATUSES.includes(f.status)).length,
      resolved: resolved.length,
      resolvedWithinSlaPercent: percentOf(
        resolved.filter((f) => f.resolvedWithinSla).length,
        resolved.filter((f) => f.resolvedWithinSla !== null).length,
      ),
      reopened: facts.filter((f) => f.reopenCount > 0).length,
      evaluated: ratings.length,
      satisfactionAverage: ratings.length === 0 ? null : round1(ratings.reduce((a, b) => a + b, 0) / ratings.length),
      satisfiedPercent: percentOf(ratings.filter((r) => r >= 4).length, ratings.length),
      escalated: facts.filter((f) => f.escalated).length,
    },
    cases: facts.slice(0, CASE_LIMIT).map((f) => ({
      caseId: f.caseId,
      categoryCode: f.categoryCode,
      gridId: f.gridId,
      status: f.status,
      reportedAt: f.reportedAt,
      resolvedAt: f.resolvedAt,
      resolvedWithinSla: f.resolvedWithinSla,
      reopenCount: f.reopenCount,
      satisfaction: f.satisfaction,
      escalated: f.escalated,
    })),
  };
}
