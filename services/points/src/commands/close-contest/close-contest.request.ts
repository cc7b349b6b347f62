import { z } from 'zod';

export const closeContestRequest = z.object({}).strict();

export type CloseContestRequest = z.output<typeof closeContestRequest>;
