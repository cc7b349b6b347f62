import { z } from 'zod';

export const restockRewardRequest = z.object({ quantity: z.number().int().positive().max(100_000) }).strict();

export type RestockRewardRequest = z.output<typeof restockRewardRequest>;
