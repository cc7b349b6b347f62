import { z } from 'zod';

export const text = (max: number) => z.string().trim().min(1, 'required').max(max);
export const slug = z.string().trim().min(1).max(100);
export const tags = z.array(z.string().trim().min(1).max(40)).max(20).default([]);
export const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day, YYYY-MM-DD');
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time, HH:MM');
/** Residents of the own community take part, unless the starter or lister opens it to the street or the city. */
export const openTo = z.enum(['community', 'street', 'city']).default('community');
