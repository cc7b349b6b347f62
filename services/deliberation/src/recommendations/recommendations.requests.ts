import { z } from 'zod';
import { CATEGORIES, FREE_TIMES, PROFESSIONS } from './recommend';

const unique = <T extends string>(values: readonly T[]) => [...new Set(values)];

export const profileRequest = z.object({
  interests: z
    .array(z.enum(CATEGORIES))
    .max(CATEGORIES.length)
    .default([])
    .transform(unique)
    .describe(`Any of: ${CATEGORIES.join(', ')}.`),
  profession: z.enum(PROFESSIONS).nullable().default(null).describe('teacher → school topics, doctor/nurse → health topics …'),
  freeTimes: z
    .array(z.enum(FREE_TIMES))
    .max(FREE_TIMES.length)
    .default([])
    .transform(unique)
    .describe('When the resident can come to a meeting (China time).'),
});
