import { z } from 'zod';

export const retireBaseRecordRequest = z.object({ reason: z.string().trim().min(1, { error: 'is required' }).max(200) });

export type RetireBaseRecordRequest = z.output<typeof retireBaseRecordRequest>;
