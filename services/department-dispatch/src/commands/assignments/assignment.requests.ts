import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const photoIds = z.array(z.string().trim().min(1).max(200)).max(20).default([]);

export const progressRequest = z.object({ note: text(2000), photoIds });
export const completeRequest = z.object({ notes: text(4000), afterPhotoIds: photoIds });
export const declineRequest = z.object({ reason: text(1000), suggestedDepartmentId: z.string().trim().min(1).max(100).nullable().default(null) });
export const reassignRequest = z.object({ reason: text(1000), suggestedDepartmentId: z.string().trim().min(1).max(100) });

export type ProgressRequest = z.output<typeof progressRequest>;
export type CompleteRequest = z.output<typeof completeRequest>;
export type DeclineRequest = z.output<typeof declineRequest>;
export type ReassignRequest = z.output<typeof reassignRequest>;
