import { z } from 'zod';

export const listBaseRecordsQuery = z.object({
  kind: z.enum(['building', 'household', 'facility', 'organisation']).optional(),
  status: z.enum(['active', 'retired', 'all']).default('active'),
});

export type ListBaseRecordsQuery = z.output<typeof listBaseRecordsQuery>;
