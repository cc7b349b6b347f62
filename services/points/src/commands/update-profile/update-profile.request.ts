import { z } from 'zod';

export const updateProfileRequest = z.object({ displayName: z.string().trim().min(1).max(40).optional() }).strict();

export type UpdateProfileRequest = z.output<typeof updateProfileRequest>;
