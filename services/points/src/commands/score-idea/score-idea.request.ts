import { z } from 'zod';

export const scoreIdeaRequest = z
  .object({
    entryId: z.string().trim().min(1).max(100),
    score: z.number().int().min(1).max(10).describe('1 (weak) to 10 (excellent).'),
  })
  .strict();

export type ScoreIdeaRequest = z.output<typeof scoreIdeaRequest>;
