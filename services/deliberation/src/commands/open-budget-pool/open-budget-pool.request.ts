import { z } from 'zod';
import { id, wholeYuan } from '../../http/request-fields';

export const openBudgetPoolRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  year: z.number().int().min(2000).max(2100),
  baseAmountYuan: wholeYuan.describe("Base amount in whole yuan, before last year's evaluations adjust it."),
  amountYuan: wholeYuan.nullable().default(null).describe("The pool, in whole yuan; omitted: the suggestion from last year's evaluations."),
});

export type OpenBudgetPoolRequest = z.output<typeof openBudgetPoolRequest>;
