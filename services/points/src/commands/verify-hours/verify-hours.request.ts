import { z } from 'zod';

export const rejectHoursRequest = z.object({ reason: z.string().trim().min(1).max(200) }).strict();

export type RejectHoursRequest = z.output<typeof rejectHoursRequest>;
