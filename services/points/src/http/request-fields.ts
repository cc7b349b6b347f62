import { z } from 'zod';

/** Hours are banked in quarters of an hour. */
export const quarterHours = z.number().positive().multipleOf(0.25, 'in quarters of an hour');
export const residentIdField = z.string().trim().min(1).max(100);
