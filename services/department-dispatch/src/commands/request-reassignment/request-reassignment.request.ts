import { z } from 'zod';

export const requestReassignmentRequest = z.object({
  reason: z.string().trim().min(1, 'required').max(1000),
  suggestedDepartmentId: z.string().trim().min(1).max(100),
});

export type RequestReassignmentRequest = z.output<typeof requestReassignmentRequest>;
