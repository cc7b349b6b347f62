import { z } from 'zod';
import { id, text, timestamp } from '../../http/request-fields';

export const openHeadElectionRequest = z.object({
  candidates: z
    .array(z.object({ residentId: id, displayName: text(40) }))
    .min(1)
    .max(20),
  closesAt: timestamp,
  quorumPercent: z.number().min(0).max(100).default(50),
});

export type OpenHeadElectionRequest = z.output<typeof openHeadElectionRequest>;
