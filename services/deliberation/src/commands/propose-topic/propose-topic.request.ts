import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const proposeTopicRequest = z.object({
  communityId: id.optional().describe("Defaults to the caller's community."),
  gridId: id.nullable().default(null),
  /** 小事不出楼栋: a topic of the proposer's own building, for its residents alone. */
  buildingId: id.nullable().default(null),
  title: text(100),
  description: text(2000),
  anonymous: z.boolean().default(false),
});

export type ProposeTopicRequest = z.output<typeof proposeTopicRequest>;
