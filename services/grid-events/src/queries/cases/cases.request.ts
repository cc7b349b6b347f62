import { z } from 'zod';

export const duplicatesQuery = z.object({
  categoryCode: z.string().min(1),
  lat: z.coerce.number().min(-90).max(90),
  long: z.coerce.number().min(-180).max(180),
});
export type DuplicatesQuery = z.output<typeof duplicatesQuery>;

export const listCasesQuery = z.object({
  mine: z.enum(['true', 'false']).optional(),
  status: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListCasesQuery = z.output<typeof listCasesQuery>;
