import { z } from 'zod';

const id = z.string().trim().min(1).max(100);

export const presentedConsent = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('one_time_code'), code: z.string().trim().regex(/^\d{6}$/, 'the 6-digit code shown on the resident\'s phone') }),
    z.object({
      method: z.literal('signed_slip'),
      slipPhotoId: id.describe('The photo of the consent slip the resident signed (stored as evidence).'),
      gridId: id.describe("The resident's grid."),
    }),
  ])
  .describe("The resident's consent: a one-time code from their phone, or a photo of a signed slip.");

export const assistedBallotRequest = z.object({ residentId: id, optionId: id, consent: presentedConsent });
export const assistedCommentRequest = z.object({ residentId: id, text: z.string().trim().min(1).max(2000), consent: presentedConsent });
