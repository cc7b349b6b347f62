import { z } from 'zod';

// The fields every deliberation request is built of, so a title or an id is checked the same way everywhere.
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const id = z.string().trim().min(1).max(100);
export const timestamp = z.iso.datetime({ offset: true });
export const wholeYuan = z.number().int('whole yuan').min(1).max(100_000_000);

/**
 * Who may vote is not the officer's to type: the roll is every verified resident of the scope when voting
 * opens. A request that still names an electorate is refused, so nobody believes their number counted.
 */
export const ELECTORATE_NOT_TYPED =
  'is not accepted: the roll (every verified resident of the scope when voting opens) decides turnout and quorum';

export const refuseTypedElectorate = (body: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
  if (body.eligibleVoters !== undefined) ctx.addIssue({ code: 'custom', path: ['eligibleVoters'], message: ELECTORATE_NOT_TYPED });
};
