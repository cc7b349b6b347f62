import { z } from 'zod';

/** Empty for a check-in made online; a check-in queued offline says when it was made on the device. */
export const checkInToWhistleRequest = z
  .object({
    madeAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the check-in was made on a device without signal (ISO 8601 with offset); counts within 10 minutes of its arrival.'),
  })
  .strict()
  .optional();

export type CheckInToWhistleRequest = z.output<typeof checkInToWhistleRequest>;
