import { z } from 'zod';
import { requiredText } from '../../request-fields';

export const RefuseAccountRequestSchema = z.object({ reason: requiredText(200) });
export type RefuseAccountRequest = z.output<typeof RefuseAccountRequestSchema>;
