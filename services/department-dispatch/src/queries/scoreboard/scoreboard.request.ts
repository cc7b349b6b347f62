import { z } from 'zod';

export const scoreboardQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
    .optional(),
  departmentId: z.string().min(1).max(100).optional(),
  streetId: z.string().min(1).max(100).optional(),
});
export type ScoreboardQuery = z.output<typeof scoreboardQuery>;
