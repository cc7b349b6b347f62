import { z } from 'zod';

export const resolveCaseRequest = z.object({
  notes: z.string().trim().min(1, { error: 'say what was done' }).max(2000),
  afterPhotoIds: z.array(z.string().min(1)).max(9).default([]),
});
export type ResolveCaseRequest = z.output<typeof resolveCaseRequest>;
