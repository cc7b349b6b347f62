import { z } from 'zod';

export const rateBuildingCleanlinessRequest = z
  .object({ buildingId: z.string().trim().min(1).max(100), score: z.number().int().min(1).max(5) })
  .strict();

export type RateBuildingCleanlinessRequest = z.output<typeof rateBuildingCleanlinessRequest>;
