import { z } from 'zod';

export const reviewFlagRequest = z
  .object({ outcome: z.enum(['cleared', 'confirmed']), note: z.string().trim().max(500).nullable().default(null) })
  .strict();

export type ReviewFlagRequest = z.output<typeof reviewFlagRequest>;
