import { z } from 'zod';

export const reportCommentRequest = z.object({ reason: z.enum(['spam', 'offensive', 'off_topic']) });

export type ReportCommentRequest = z.output<typeof reportCommentRequest>;
