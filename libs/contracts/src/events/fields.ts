import { z } from 'zod';
import { isoTimestamp } from '../envelope';

// Building blocks of public event data: primitives and plain objects only, so any consumer in any
// language can read them. Ids are opaque strings, times ISO 8601 strings with an offset.

export const id = z.string().min(1);
export const timestamp = isoTimestamp;
export const text = z.string().min(1);
export const ids = z.array(id);
export const photoIds = z.array(id).describe('Ids of photos in the media store of the producing service.');
export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
export const score = z.number().int().min(1).max(5).describe('1 (very dissatisfied) to 5 (very satisfied).');
export const percent = z.number().min(0).max(100);
export const optionalComment = z.string().nullable();

/** Who a case is dispatched to; a department's own id when it is a department. */
export const assigneeKind = z.enum(['grid_worker', 'department']);

/**
 * The rule of every public event with an `anonymous` flag: an anonymous resident's id never leaves the
 * producing service, because departments' and analytics' systems read these topics.
 */
export function idNullWhenAnonymous(idField: string) {
  return (data: { anonymous: boolean } & Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    if (data.anonymous && data[idField] !== null) {
      ctx.addIssue({ code: 'custom', path: [idField], message: 'must be null when anonymous is true' });
    }
  };
}
