import { z } from 'zod';

export const cancelRedemptionRequest = z.object({ reason: z.string().trim().min(1).max(200).default('居民取消') }).strict();

export type CancelRedemptionRequest = z.output<typeof cancelRedemptionRequest>;
