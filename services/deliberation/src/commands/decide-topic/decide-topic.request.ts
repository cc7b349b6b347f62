import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const decideTopicRequest = z.object({
  result: z.enum(['adopted', 'rejected']),
  reasons: text(5000),
  responsibleDepartmentIds: z.array(id).max(20).default([]),
});

export type DecideTopicRequest = z.output<typeof decideTopicRequest>;
