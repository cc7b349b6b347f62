import { z } from 'zod';

export const leaderboardQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
});

export type LeaderboardQuery = z.output<typeof leaderboardQuery>;
