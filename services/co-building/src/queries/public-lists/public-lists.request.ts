import { z } from 'zod';

export const communityQuery = z.object({ communityId: z.string().min(1).max(100).optional() });
export type CommunityQuery = z.output<typeof communityQuery>;
export const resourcesQuery = communityQuery.extend({ kind: z.enum(['space', 'goods', 'service', 'skill']).optional() });
export type ResourcesQuery = z.output<typeof resourcesQuery>;
export const bookingsQuery = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD')
    .optional(),
});
export type BookingsQuery = z.output<typeof bookingsQuery>;
