import { z } from 'zod';

/** The fields to change and their new values; which fields a kind has, and what values they take, the decider judges. */
export const amendBaseRecordRequest = z
  .record(z.string().min(1).max(40), z.union([z.string().trim().min(1).max(100), z.number(), z.null()]))
  .refine((fields) => Object.keys(fields).length > 0, { error: 'name at least one field to change' });

export type AmendBaseRecordRequest = z.output<typeof amendBaseRecordRequest>;
