import { z } from 'zod';

export const submitIdeaRequest = z
  .object({ title: z.string().trim().min(1).max(100), description: z.string().trim().min(1).max(1000) })
  .strict();

export type SubmitIdeaRequest = z.output<typeof submitIdeaRequest>;
