import { z } from 'zod';

/** Nobody joins anyone else: a request that names a resident is refused, so nobody believes they signed up a neighbour. */
export const membershipRequest = z
  .object({ residentId: z.unknown().optional().describe('Not accepted: you join and leave only yourself.') })
  .superRefine((body, ctx) => {
    if (body.residentId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['residentId'], message: 'is not accepted: you join and leave a group only yourself' });
    }
  });

export type MembershipRequest = z.output<typeof membershipRequest>;
