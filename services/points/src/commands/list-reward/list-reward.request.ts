import { z } from 'zod';

export const listRewardRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).nullable().default(null),
    pricePoints: z.number().int().positive(),
    stock: z.number().int().nonnegative(),
    communityId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .describe("Defaults to the officer's community; null (admins only) lists a city-wide reward."),
  })
  .strict();

export type ListRewardRequest = z.output<typeof listRewardRequest>;
