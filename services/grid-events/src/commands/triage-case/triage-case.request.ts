import { z } from 'zod';

export const acceptCaseRequest = z.object({ categoryCode: z.string().min(1).optional() });
export const rejectCaseRequest = z.object({ reason: z.string().trim().min(1, { error: 'a rejection needs a reason' }).max(500) });
export const mergeCaseRequest = z.object({ intoCaseId: z.string().min(1) });
