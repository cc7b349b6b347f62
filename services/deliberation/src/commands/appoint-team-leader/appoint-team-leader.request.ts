import { z } from 'zod';
import { id } from '../../http/request-fields';

export const appointTeamLeaderRequest = z.object({
  leaderId: id.describe("The resident who leads the team from now on: one of the community's volunteer pool (role volunteer-team-leader)."),
});

export type AppointTeamLeaderRequest = z.output<typeof appointTeamLeaderRequest>;
