import { z } from 'zod';
import { text } from '../../http/request-fields';

export const approveRequest = z.object({ note: z.string().trim().max(1000).nullable().default(null) });
export const declineRequest = z.object({ reason: text(1000) });

export type ApproveRequest = z.output<typeof approveRequest>;
export type DeclineRequest = z.output<typeof declineRequest>;
