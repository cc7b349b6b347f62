import { z } from 'zod';
import { id, text } from '../../http/request-fields';

export const proposeTopicRequest = z
  .object({
    communityId: id.optional().describe("Defaults to the caller's community."),
    gridId: id.nullable().default(null),
    /** 小事不出楼栋: a topic of the proposer's own building, for its residents alone. */
    buildingId: id.nullable().default(null),
    title: text(100),
    description: text(2000),
    anonymous: z.boolean().default(false),
    /** 兴趣社团: a topic of an interest group the proposer joined, for its members alone. */
    groupId: id.nullable().default(null),
  })
  .refine((body) => body.buildingId === null || body.groupId === null, {
    path: ['groupId'],
    message: 'a topic belongs to a building or to an interest group, not both',
  });

export type ProposeTopicRequest = z.output<typeof proposeTopicRequest>;
