import { z } from 'zod';
import { slug, text } from '../../http/request-fields';

/** An instant with its offset (`2026-11-29T14:00:00+08:00`), kept as ISO 8601 UTC. */
export const instant = z
  .string()
  .datetime({ offset: true, message: 'an instant, ISO 8601 with its offset' })
  .transform((value) => new Date(value).toISOString());

export const scheduleActivityRequest = z.object({
  title: text(200),
  communityId: slug.optional(),
  startsAt: instant,
  capacity: z.number().int('a whole number of people').min(1).max(500),
  signUpOpensAt: instant,
});

export type ScheduleActivityRequest = z.output<typeof scheduleActivityRequest>;
