import { z } from 'zod';

const instant = z.iso.datetime({ offset: true, message: 'a date and time with its offset, e.g. 2026-12-01T00:00:00+08:00' });

export const grantEvaluatorAccessRequest = z.object({
  evaluatorId: z.string().trim().min(1, 'required').max(120),
  communityIds: z.array(z.string().trim().min(1, 'required').max(100)).min(1, 'at least one community').max(50),
  validFrom: instant,
  validUntil: instant,
});

export type GrantEvaluatorAccessRequest = z.output<typeof grantEvaluatorAccessRequest>;
