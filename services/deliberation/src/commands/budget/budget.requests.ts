import { z } from 'zod';
import { refuseTypedElectorate } from '../../http/request-fields';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const id = z.string().trim().min(1).max(100);
const wholeYuan = z.number().int('whole yuan').min(1).max(100_000_000);

export const openPoolRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  year: z.number().int().min(2000).max(2100),
  baseAmountYuan: wholeYuan.describe("Base amount in whole yuan, before last year's evaluations adjust it."),
  amountYuan: wholeYuan.nullable().default(null).describe("The pool, in whole yuan; omitted: the suggestion from last year's evaluations."),
});

export const orderNeedRequest = z.object({
  title: text(100),
  description: text(2000),
  anonymous: z.boolean().default(false).describe('Stay anonymous in public.'),
});

export const matchNeedRequest = z.object({ provider: text(200), costYuan: wholeYuan.describe('Cost in whole yuan.') });

export const openBudgetVotingRequest = z
  .object({
    method: z.enum(['knapsack', 'approval']).default('knapsack').describe("'knapsack': one ballot may select at most the pool; 'approval': any number."),
    closesAt: z.iso.datetime({ offset: true }).describe('3 to 7 days from now.'),
    eligibleVoters: z.unknown().optional().describe("Not accepted: the roll (the community's verified residents when voting opens) decides."),
  })
  .superRefine(refuseTypedElectorate);

export const budgetBallotRequest = z.object({ projectIds: z.array(id).min(1, 'approve at least one project').max(100) });

export const projectProgressRequest = z.object({ percent: z.number().int().min(0).max(100), note: text(2000), photoIds: z.array(id).max(20).default([]) });
export const completeProjectRequest = z.object({ summary: text(2000), afterPhotoIds: z.array(id).max(20).default([]) });
export const evaluateProjectRequest = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).nullable().default(null) });
