import { z } from 'zod';

export const joinContestTeamRequest = z.object({ teamId: z.string().trim().min(1).max(100) }).strict();

export type JoinContestTeamRequest = z.output<typeof joinContestTeamRequest>;
