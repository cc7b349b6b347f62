import { z } from 'zod';
import { day, text } from '../../http/request-fields';

export const reportActivityRequest = z.object({ heldOn: day, summary: text(2000), participants: z.number().int().min(0).max(100_000) });

export type ReportActivityRequest = z.output<typeof reportActivityRequest>;
