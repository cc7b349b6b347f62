import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, idNullWhenAnonymous, ids, optionalComment, percent, photoIds, score, text, timestamp } from '../fields';
import { service } from './shared';

// 民生微实事: a community's micro-budget pool for a year. Stream budget-<communityId>-<year>.

const poolId = id.describe('budget-<communityId>-<year>: the stream id of the pool.');

const yuan = z.number().int().nonnegative().describe('Whole yuan (人民币元).');

export const BudgetPoolOpened = defineEvent({
  service,
  type: 'BudgetPoolOpened',
  version: 1,
  summary:
    "A community's 民生微实事 budget pool for a year. Last year's evaluations (评单) adjust the base amount: " +
    'suggestedAmountYuan = round(baseAmountYuan × allocationFactor), allocationFactor = 1 + (previousYearSatisfaction − 3) × 0.1 ' +
    '(0.8 … 1.2; 1 without evaluations). amountYuan is the suggestion unless the officer set another amount.',
  schema: z.object({
    poolId,
    communityId: id,
    year: z.number().int(),
    baseAmountYuan: yuan,
    allocationFactor: z.number().min(0.8).max(1.2),
    suggestedAmountYuan: yuan,
    amountYuan: yuan.describe('The pool residents vote within.'),
    previousYearSatisfaction: z
      .number()
      .min(1)
      .max(5)
      .nullable()
      .describe("Mean score of last year's project evaluations; null without any."),
    previousYearEvaluations: z.number().int().nonnegative().describe('How many evaluations that mean is of.'),
  }),
});

export const NeedOrdered = defineEvent({
  service,
  type: 'NeedOrdered',
  version: 1,
  summary: 'A resident ordered a need (居民点单); optionally anonymous in public.',
  schema: z
    .object({
      poolId,
      needId: id,
      title: text,
      description: text,
      anonymous: z.boolean().describe('The resident asked to stay anonymous in public: residentId is then null.'),
      residentId: id.nullable(),
    })
    .superRefine(idNullWhenAnonymous('residentId')),
});

export const NeedMatched = defineEvent({
  service,
  type: 'NeedMatched',
  version: 1,
  summary: 'An officer matched a need to a provider and a cost (政府配单), making it a candidate project.',
  schema: z.object({ poolId, needId: id, projectId: id, provider: text, costYuan: yuan.positive() }),
});

export const BudgetVotingOpened = defineEvent({
  service,
  type: 'BudgetVotingOpened',
  version: 1,
  summary:
    "Residents vote on the candidate projects with a secret approval ballot until closesAt. 'knapsack': one ballot's " +
    "selection may cost at most the pool; 'approval': any number of projects.",
  schema: z.object({
    poolId,
    method: z.enum(['approval', 'knapsack']),
    closesAt: timestamp,
    projectIds: ids,
    poolAmountYuan: yuan,
    eligibleVoters: z.number().int().nonnegative(),
  }),
});

export const BudgetVotingClosed = defineEvent({
  service,
  type: 'BudgetVotingClosed',
  version: 1,
  summary:
    'The budget vote closed. Funding rule: projects in order of approvals (ties: cheaper first, then the earlier match); ' +
    'each is funded if it still fits in what is left of the pool, else skipped; a project without approvals is never funded.',
  schema: z.object({
    poolId,
    tally: z.array(z.object({ projectId: id, votes: z.number().int().nonnegative(), costYuan: yuan })),
    ballotsCast: z.number().int().nonnegative(),
    fundedProjectIds: ids,
    fundedTotalYuan: yuan,
    remainingYuan: yuan,
    unfunded: z.array(z.object({ projectId: id, reason: z.enum(['no_votes', 'over_remaining_budget']) })),
  }),
});

export const BudgetProjectProgressReported = defineEvent({
  service,
  type: 'BudgetProjectProgressReported',
  version: 1,
  summary: 'Progress of a funded micro-project, with photos (posted by a supervisor or a community officer).',
  schema: z.object({ poolId, projectId: id, percent, note: text, photoIds, supervisorId: id.describe('Who posted the progress.') }),
});

export const BudgetProjectCompleted = defineEvent({
  service,
  type: 'BudgetProjectCompleted',
  version: 1,
  summary: 'A funded micro-project was completed; residents may now evaluate it.',
  schema: z.object({ poolId, projectId: id, summary: text, afterPhotoIds: photoIds }),
});

export const BudgetProjectEvaluated = defineEvent({
  service,
  type: 'BudgetProjectEvaluated',
  version: 1,
  summary: "A resident evaluated a completed micro-project (群众评单), once per project; feeds next year's allocation.",
  schema: z.object({ poolId, projectId: id, residentId: id, score, comment: optionalComment }),
});
