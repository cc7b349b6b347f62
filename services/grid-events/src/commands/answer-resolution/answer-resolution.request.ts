import { z } from 'zod';

export const reopenCaseRequest = z.object({ reason: z.string().trim().min(1, { error: 'say what is still wrong' }).max(1000) });
export const evaluateCaseRequest = z.object({
  score: z.number().int({ error: 'a whole number from 1 to 5' }).min(1).max(5),
  comment: z.string().trim().max(1000).nullable().default(null),
});
export type EvaluateCaseRequest = z.output<typeof evaluateCaseRequest>;
