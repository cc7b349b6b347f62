import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const reportProgressRequest = z.object({
  percent: z.number().int().min(0).max(100),
  note: text(2000),
  photoIds: z.array(id).max(20).default([]),
});

export type ReportProgressRequest = z.output<typeof reportProgressRequest>;
