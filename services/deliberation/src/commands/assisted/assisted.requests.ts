import { z } from 'zod';

const id = z.string().trim().min(1).max(100);

export const presentedConsent = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('one_time_code'), code: z.string().trim().regex(/^\d{6}$/, 'the 6-digit code shown on the resident\'s phone') }),
    z.object({
      method: z.literal('signed_slip'),
      slipPhotoId: id.describe('The photo of the consent slip the resident signed, uploaded by the recording staff member (POST /api/photos).'),
      gridId: id.optional().describe("The resident's grid, if named: it must be the register's."),
    }),
  ])
  .describe("The resident's consent: a one-time code from their phone, or a photo of a signed slip.");

export const assistedBallotRequest = z.object({ residentId: id, optionId: id, consent: presentedConsent });
export const assistedCommentRequest = z.object({ residentId: id, text: z.string().trim().min(1).max(2000), consent: presentedConsent });
