import { z } from 'zod';

export const openConsultationRequest = z.object({ draftPlan: z.string().trim().max(5000).nullable().default(null) });

export type OpenConsultationRequest = z.output<typeof openConsultationRequest>;
