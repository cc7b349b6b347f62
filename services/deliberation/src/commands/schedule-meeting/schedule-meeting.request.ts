import { z } from 'zod';
import { id, text, timestamp } from '../../http/request-fields';

export const scheduleMeetingRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  topicId: id.nullable().default(null),
  title: text(200),
  scheduledAt: timestamp,
  agenda: z.array(text(200)).min(1).max(30).describe('The agenda items, in order.'),
  moderatorId: id.describe('The account that moderates (主持人): an officer, a grid worker or a resident on the rota.'),
});

export type ScheduleMeetingRequest = z.output<typeof scheduleMeetingRequest>;
