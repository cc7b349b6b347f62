import { z } from 'zod';

export const nameCaseFacilityRequest = z.object({ facilityId: z.string().trim().min(1, { error: 'is required' }).max(64) });

export type NameCaseFacilityRequest = z.output<typeof nameCaseFacilityRequest>;
