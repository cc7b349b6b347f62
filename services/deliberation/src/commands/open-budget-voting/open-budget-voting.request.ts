import { z } from 'zod';
import { refuseTypedElectorate, timestamp } from '../../http/request-fields';

export const openBudgetVotingRequest = z
  .object({
    method: z
      .enum(['knapsack', 'approval'])
      .default('knapsack')
      .describe("'knapsack': one ballot may select at most the pool; 'approval': any number."),
    closesAt: timestamp.describe('3 to 7 days from now.'),
    eligibleVoters: z
      .unknown()
      .optional()
      .describe("Not accepted: the roll (the community's verified residents when voting opens) decides."),
  })
  .superRefine(refuseTypedElectorate);

export type OpenBudgetVotingRequest = z.output<typeof openBudgetVotingRequest>;
