import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, text } from '../fields';
import { service } from './shared';

// Council rotation (轮值制度): stream council-<communityId>. Members serve terms; each rotation draws new
// members from the volunteers so the same few do not hold every seat.

export const CouncilVolunteerRegistered = defineEvent({
  service,
  type: 'CouncilVolunteerRegistered',
  version: 1,
  summary: 'A resident volunteered to serve on the community council in a coming term.',
  schema: z.object({ communityId: id, residentId: id, displayName: text.max(60) }),
});

export const CouncilRotated = defineEvent({
  service,
  type: 'CouncilRotated',
  version: 1,
  summary: 'A new council term began: its members, drawn from volunteers who did not serve in the last terms where enough could.',
  schema: z.object({
    communityId: id,
    term: z.number().int().min(1),
    members: z.array(z.object({ residentId: id, displayName: text.max(60) })).min(1),
    volunteers: z.number().int().min(0).describe('Volunteers the draw could choose from'),
    returning: z
      .number()
      .int()
      .min(0)
      .describe('Members who also served in one of the last terms (only when too few new volunteers stood)'),
  }),
});
