import { z } from 'zod';

export const evaluateProjectRequest = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).nullable().default(null),
});

export type EvaluateProjectRequest = z.output<typeof evaluateProjectRequest>;
