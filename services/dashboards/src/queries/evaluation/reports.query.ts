import type { DataSource, FindOptionsWhere } from 'typeorm';
import { z } from 'zod';
import { EvaluationReportRow } from '../../read-models/evaluation.entities';
import { evaluationPeriod } from './evaluation-period';

export const evaluationReportsQuery = z.object({
  communityId: z.string().min(1).max(120).optional(),
  period: evaluationPeriod.optional(),
});
export type EvaluationReportsQuery = z.output<typeof evaluationReportsQuery>;

export const evaluationReportsResponse = z.object({
  reports: z.array(
    z.object({
      communityId: z.string(),
      streetId: z.string(),
      period: z.string(),
      version: z.number().int(),
      current: z.boolean().describe('False for a version a later correction replaced'),
      evaluatorId: z.string(),
      scores: z.array(z.object({ heading: z.string(), score: z.number() })),
      overallScore: z.number(),
      summary: z.string(),
      correction: z.object({ ofVersion: z.number().int(), reason: z.string() }).nullable(),
      publishedAt: z.iso.datetime(),
    }),
  ),
});

export interface PublishedReport {
  readonly communityId: string;
  readonly streetId: string;
  readonly period: string;
  readonly version: number;
  /** False for a version a later correction replaced: it stays readable, as published. */
  readonly current: boolean;
  readonly evaluatorId: string;
  readonly scores: readonly { heading: string; score: number }[];
  readonly overallScore: number;
  readonly summary: string;
  readonly correction: { ofVersion: number; reason: string } | null;
  readonly publishedAt: string;
}

/** Published evaluation reports, every version, newest period and version first. */
export async function readEvaluationReports(
  dataSource: DataSource,
  query: EvaluationReportsQuery,
): Promise<{ reports: PublishedReport[] }> {
  const where: FindOptionsWhere<EvaluationReportRow> = {};
  if (query.communityId) where.communityId = query.communityId;
  if (query.period) where.period = query.period;
  const rows = await dataSource
    .getRepository(EvaluationReportRow)
    .find({ where, order: { period: 'DESC', communityId: 'ASC', version: 'DESC' }, take: 500 });
  const newest = new Map<string, number>();
  for (const row of rows)
    newest.set(`${row.communityId}/${row.period}`, Math.max(row.version, newest.get(`${row.communityId}/${row.period}`) ?? 0));
  return {
    reports: rows.map((row) => ({
      communityId: row.communityId,
      streetId: row.streetId,
      period: row.period,
      version: row.version,
      current: newest.get(`${row.communityId}/${row.period}`) === row.version,
      evaluatorId: row.evaluatorId,
      scores: row.scores,
      overallScore: row.overallScore,
      summary: row.summary,
      correction: row.correctsVersion === null ? null : { ofVersion: row.correctsVersion, reason: row.correctionReason ?? '' },
      publishedAt: row.publishedAt,
    })),
  };
}
