import { z } from 'zod';

export const rotateCouncilRequest = z.object({
  seats: z.number().int().min(1).max(30),
  /** Terms a member sits out before being drawn again (when enough others volunteered). */
  restTerms: z.number().int().min(0).max(5).default(1),
});

export type RotateCouncilRequest = z.output<typeof rotateCouncilRequest>;
