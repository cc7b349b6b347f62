import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const createInterestGroupRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  name: text(60).describe('e.g. 太极拳社'),
  description: z.string().trim().max(500).default(''),
});

export type CreateInterestGroupRequest = z.output<typeof createInterestGroupRequest>;
