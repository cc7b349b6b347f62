import { z } from 'zod';

export const redeemRewardRequest = z.object({ rewardId: z.string().trim().min(1).max(100) }).strict();

export type RedeemRewardRequest = z.output<typeof redeemRewardRequest>;
