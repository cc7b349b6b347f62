import { z } from 'zod';

export const publishEvaluationReportRequest = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'a month like 2026-11 or a quarter like 2026-Q4'),
  scores: z
    .array(
      z.object({
        heading: z.string().trim().min(1, 'required').max(60),
        score: z.number().int('a whole number').min(0, 'from 0').max(100, 'to 100'),
      }),
    )
    .min(1, 'at least one heading')
    .max(12),
  summary: z.string().trim().min(1, 'required').max(4000),
  /** Required for a second publication of the same community and period: what is corrected, and why. */
  correctionReason: z.string().trim().min(1, 'required').max(500).nullable().default(null),
});

export type PublishEvaluationReportRequest = z.output<typeof publishEvaluationReportRequest>;
