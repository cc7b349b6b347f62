import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, text } from '../fields';
import { service } from './shared';

// 兴趣社团 (interest groups): one stream per group, interest-group-<groupId>. Residents of the group's community
// join and leave it themselves; its members are a recommendation reason and the roll of the group's own votes.

export const InterestGroupCreated = defineEvent({
  service,
  type: 'InterestGroupCreated',
  version: 1,
  summary:
    'An interest group (兴趣社团, e.g. 太极拳社) of a community, created by an officer of the community or founded by a verified ' +
    'resident of it (founderId; the founder joins it at once). Null founderId: created by staff.',
  schema: z.object({ groupId: id, communityId: id, name: text, description: z.string(), founderId: id.nullable() }),
});

export const InterestGroupJoined = defineEvent({
  service,
  type: 'InterestGroupJoined',
  version: 1,
  summary: "A verified resident of the group's community joined it, by their own request: from now on on the roll of its own votes.",
  schema: z.object({ groupId: id, residentId: id }),
});

export const InterestGroupLeft = defineEvent({
  service,
  type: 'InterestGroupLeft',
  version: 1,
  summary: 'A member left the group, by their own request: off the roll of the votes it opens from now on.',
  schema: z.object({ groupId: id, residentId: id }),
});

export const TopicScopedToGroup = defineEvent({
  service,
  type: 'TopicScopedToGroup',
  version: 1,
  summary:
    'The topic proposed just before it (same stream, topic-<topicId>) belongs to one interest group. Only its members propose, ' +
    'discuss and vote on it; its vote is a group vote whose roll is the members (still verified residents) when voting opens.',
  schema: z.object({ topicId: id, groupId: id, groupName: text }),
});
