import { z } from 'zod';
import { id } from './request-fields';

/** The consent staff present when recording for a resident (入户走访); checked and spent by the handler. */
export const presentedConsent = z
  .discriminatedUnion('method', [
    z.object({
      method: z.literal('one_time_code'),
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, "the 6-digit code shown on the resident's phone"),
    }),
    z.object({
      method: z.literal('signed_slip'),
      slipPhotoId: id.describe(
        'The photo of the consent slip the resident signed, uploaded by the recording staff member (POST /api/photos).',
      ),
      gridId: id.optional().describe("The resident's grid, if named: it must be the register's."),
    }),
  ])
  .describe("The resident's consent: a one-time code from their phone, or a photo of a signed slip.");

/** Who records for a resident: the grid worker of their grid, or an officer of their community. */
export const ASSISTANTS = ['grid_worker', 'community_officer'] as const;
