import { z } from 'zod';
import { id } from '../../http/request-fields';

export const screenTopicRequest = z
  .object({
    outcome: z.enum(['accepted', 'merged', 'rejected']),
    reason: z.string().trim().max(2000).nullable().default(null),
    mergedIntoTopicId: id.nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'rejected' && !body.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a written reason' });
    if (body.outcome === 'merged' && !body.mergedIntoTopicId) {
      ctx.addIssue({ code: 'custom', path: ['mergedIntoTopicId'], message: 'a merge names the topic it merges into' });
    }
  });

export type ScreenTopicRequest = z.output<typeof screenTopicRequest>;
