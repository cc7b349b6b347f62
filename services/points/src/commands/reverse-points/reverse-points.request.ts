import { z } from 'zod';

export const reversePointsRequest = z
  .object({
    residentId: z.string().trim().min(1).max(100),
    sourceEventId: z.string().trim().min(1),
    reason: z.string().trim().min(1).max(200),
  })
  .strict();

export type ReversePointsRequest = z.output<typeof reversePointsRequest>;
