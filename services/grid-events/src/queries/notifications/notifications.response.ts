import { z } from 'zod';
import { bilingualName } from '../../reference-data/reference-data.schema';

/** `GET /api/notifications`: the caller's feedback at each step of their cases, newest first. */
export const notificationsAnswer = z.object({
  notifications: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      kind: z.string(),
      message: bilingualName,
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});
