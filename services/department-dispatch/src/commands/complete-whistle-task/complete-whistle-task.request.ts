import { z } from 'zod';

export const completeWhistleTaskRequest = z.object({
  notes: z.string().trim().min(1, 'required').max(4000),
  photoIds: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});

export type CompleteWhistleTaskRequest = z.output<typeof completeWhistleTaskRequest>;
