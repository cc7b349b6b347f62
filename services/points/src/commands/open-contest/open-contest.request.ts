import { z } from 'zod';

const name = z.string().trim().min(1).max(100);

export const openContestRequest = z
  .object({
    kind: z.enum(['idea', 'building', 'volunteer']),
    title: z.string().trim().min(1).max(200),
    communityId: name,
    startDate: z.iso.date().describe('The first day, in the city’s time (Asia/Shanghai).'),
    endDate: z.iso.date().describe('The last day, in the city’s time; the contest ends at the midnight after it.'),
    prizePoints: z.number().int().positive().max(1000),
    winners: z.number().int().min(1).max(10).default(1),
    teamPrizePoints: z.number().int().nonnegative().max(1000).default(0),
    teams: z.array(name).max(20).default([]).describe('Volunteer month: the names of the teams residents join.'),
    jurorIds: z
      .array(name)
      .max(20)
      .default([])
      .describe('Idea contest: the account ids of the jury (staff or residents, from GET /api/auth/people); none: residents vote.'),
  })
  .strict();

export type OpenContestRequest = z.output<typeof openContestRequest>;
