import { z } from 'zod';

export const evaluateDepartmentRequest = z.object({
  departmentId: z.string().trim().min(1, 'required').max(100),
  score: z.number().int().min(1, 'from 1').max(5, 'to 5'),
  comment: z.string().trim().max(1000).nullable().default(null),
});

export type EvaluateDepartmentRequest = z.output<typeof evaluateDepartmentRequest>;
