import { z } from 'zod';

export const postCommentRequest = z.object({
  text: z.string().trim().min(1).max(2000),
  parentCommentId: z.string().min(1).max(100).nullable().default(null),
});

export type PostCommentRequest = z.output<typeof postCommentRequest>;
