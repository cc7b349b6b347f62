import { z } from 'zod';
import { presentedConsent } from '../../http/presented-consent';
import { id } from '../../http/request-fields';

export const recordAssistedCommentRequest = z.object({
  residentId: id,
  text: z.string().trim().min(1).max(2000),
  consent: presentedConsent,
});

export type RecordAssistedCommentRequest = z.output<typeof recordAssistedCommentRequest>;
