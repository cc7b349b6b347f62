import { z } from 'zod';
import { TOPICS } from '@gongzhi/contracts';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    },
    { error: 'must be an http or https URL without credentials' },
  );

const id = z.string().trim().min(1).max(120);

export const createSubscriptionRequest = z.object({
  url: httpUrl,
  eventTypes: z
    .array(
      z.string().refine((type) => WEBHOOK_EVENT_TYPES.includes(type), {
        error: (issue) => `${String(issue.input)} is not a public event type (GET /api/webhooks/event-types lists them)`,
      }),
    )
    .min(1, { error: 'name at least one event type' })
    .max(WEBHOOK_EVENT_TYPES.length),
  filter: z.object({ departmentId: id.optional(), streetId: id.optional() }).strict().optional(),
});
export type CreateSubscriptionRequest = z.output<typeof createSubscriptionRequest>;

export const replayRequest = z.object({
  fromPosition: z.number().int().min(0),
  topic: z.enum(Object.values(TOPICS) as [string, ...string[]]).optional(),
});
export type ReplayRequest = z.output<typeof replayRequest>;
