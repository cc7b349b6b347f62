import { z } from 'zod';

export const declineAssignmentRequest = z.object({
  reason: z.string().trim().min(1, 'required').max(1000),
  suggestedDepartmentId: z.string().trim().min(1).max(100).nullable().default(null),
});

export type DeclineAssignmentRequest = z.output<typeof declineAssignmentRequest>;
