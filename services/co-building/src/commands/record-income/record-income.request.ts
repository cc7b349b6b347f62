import { z } from 'zod';
import { text } from '../../http/request-fields';

export const recordIncomeRequest = z.object({
  source: z.enum(['space_rent', 'service_fee', 'donation', 'other']),
  description: text(500),
  amountFen: z.number().int().positive().max(1_000_000_000),
});

export type RecordIncomeRequest = z.output<typeof recordIncomeRequest>;
