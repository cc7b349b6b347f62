import { z } from 'zod';

export const volunteerForCouncilRequest = z.object({ displayName: z.string().trim().min(1).max(60) });

export type VolunteerForCouncilRequest = z.output<typeof volunteerForCouncilRequest>;
