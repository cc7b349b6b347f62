import { z } from 'zod';

export const completeAssignmentRequest = z.object({
  notes: z.string().trim().min(1, 'required').max(4000),
  afterPhotoIds: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});

export type CompleteAssignmentRequest = z.output<typeof completeAssignmentRequest>;
