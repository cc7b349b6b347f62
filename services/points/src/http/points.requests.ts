import { z } from 'zod';

const quarterHours = z.number().positive().multipleOf(0.25, 'in quarters of an hour');
const residentId = z.string().trim().min(1).max(100);

export const updateProfileRequest = z.object({ displayName: z.string().trim().min(1).max(40).optional() }).strict();
export const listRewardRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).nullable().default(null),
    pricePoints: z.number().int().positive(),
    stock: z.number().int().nonnegative(),
    communityId: z.string().trim().min(1).max(100).nullable().optional().describe("Defaults to the officer's community; null (admins only) lists a city-wide reward."),
  })
  .strict();
export const restockRequest = z.object({ quantity: z.number().int().positive().max(100_000) }).strict();
export const redeemRequest = z.object({ rewardId: z.string().trim().min(1).max(100) }).strict();
export const cancelRedemptionRequest = z.object({ reason: z.string().trim().min(1).max(200).default('居民取消') }).strict();
export const useRedemptionRequest = z.object({ voucherCode: z.string().trim().min(1).max(40) }).strict();
export const changeRuleRequest = z
  .object({ points: z.number().int().nonnegative(), dailyCap: z.number().int().nonnegative(), enabled: z.boolean() })
  .strict();
export const reviewFlagRequest = z.object({ outcome: z.enum(['cleared', 'confirmed']), note: z.string().trim().max(500).nullable().default(null) }).strict();
export const reversalRequest = z.object({ residentId, sourceEventId: z.string().trim().min(1), reason: z.string().trim().min(1).max(200) }).strict();
export const logHoursRequest = z
  .object({
    serviceDate: z.iso.date(),
    hours: quarterHours.max(24, 'a day has 24 hours'),
    activity: z.string().trim().min(1).max(200),
    verifierId: residentId.describe('The organiser or the recipient, who verifies the hours.'),
  })
  .strict();
export const rejectHoursRequest = z.object({ reason: z.string().trim().min(1).max(200) }).strict();
export const spendHoursRequest = z
  .object({ hours: quarterHours.max(1_000), providerId: residentId, serviceDescription: z.string().trim().min(1).max(200) })
  .strict();
export const transferHoursRequest = z.object({ toResidentId: residentId, hours: quarterHours.max(1_000) }).strict();
export const leaderboardQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional() });
