import { z } from 'zod';
import { slug, text } from '../../http/request-fields';

export const spendFromFundRequest = z.object({
  amountFen: z.number().int('a whole number of fen').positive('more than 0 fen').max(1_000_000_000),
  purpose: text(1000),
  councilTopicId: slug.nullable().default(null),
});

export type SpendFromFundRequest = z.output<typeof spendFromFundRequest>;
