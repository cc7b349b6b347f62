import { z } from 'zod';

export const voteForIdeaRequest = z.object({ entryId: z.string().trim().min(1).max(100) }).strict();

export type VoteForIdeaRequest = z.output<typeof voteForIdeaRequest>;
