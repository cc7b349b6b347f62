import { z } from 'zod';

export const useRedemptionRequest = z.object({ voucherCode: z.string().trim().min(1).max(40) }).strict();

export type UseRedemptionRequest = z.output<typeof useRedemptionRequest>;
