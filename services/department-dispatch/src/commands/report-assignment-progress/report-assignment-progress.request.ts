import { z } from 'zod';

export const reportAssignmentProgressRequest = z.object({
  note: z.string().trim().min(1, 'required').max(2000),
  photoIds: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});

export type ReportAssignmentProgressRequest = z.output<typeof reportAssignmentProgressRequest>;
