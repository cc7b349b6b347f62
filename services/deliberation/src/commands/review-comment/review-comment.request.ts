import { z } from 'zod';

export const reviewCommentRequest = z.object({
  outcome: z.enum(['restored', 'removed']),
  reason: z.string().trim().min(1, 'a review needs a reason').max(2000),
});

export type ReviewCommentRequest = z.output<typeof reviewCommentRequest>;
