import { z } from 'zod';

export const evaluateTopicRequest = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).nullable().default(null),
});

export type EvaluateTopicRequest = z.output<typeof evaluateTopicRequest>;
