import { z } from 'zod';

export const voidCaseRequest = z.object({
  reason: z
    .string({ error: 'voiding a case needs a reason, told to the reporter' })
    .trim()
    .min(1, { error: 'voiding a case needs a reason, told to the reporter' })
    .max(500),
});
