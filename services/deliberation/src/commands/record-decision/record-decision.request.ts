import { z } from 'zod';
import { id, text } from '../../http/request-fields';

const count = z.number().int().min(0).max(100_000);
export const recordDecisionRequest = z.object({
  agendaItemId: id.nullable().default(null),
  text: text(2000),
  figures: z.object({ inFavour: count, against: count, abstaining: count }).nullable().default(null),
});

export type RecordDecisionRequest = z.output<typeof recordDecisionRequest>;
