import { z } from 'zod';

export const completeCommunityTaskRequest = z.object({
  note: z.string().trim().min(1, 'required').max(2000),
});

export type CompleteCommunityTaskRequest = z.output<typeof completeCommunityTaskRequest>;
