import { z } from 'zod';

export const mergeDuplicateCaseRequest = z.object({
  intoCaseId: z.string({ error: 'name the case this one repeats' }).trim().min(1, { error: 'name the case this one repeats' }).max(100),
});

export type MergeDuplicateCaseRequest = z.output<typeof mergeDuplicateCaseRequest>;
