import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, ids } from '../fields';
import { service, topicId } from './shared';

// The voter roll of a vote (a topic's, or a micro-budget pool's): who MAY vote, and THAT a resident voted.
// Stream voter-<topicId>-<residentId>. Never HOW: choices stay in the private ballot box.

export const VotingRollRecorded = defineEvent({
  service,
  type: 'VotingRollRecorded',
  version: 1,
  summary:
    "The roll of a vote, drawn when voting opened: the verified residents of the vote's scope at that moment. Turnout and quorum " +
    'are counted against it and only residents on it may vote. Says who MAY vote, never who did or how.',
  schema: z.object({
    topicId: id.describe('The vote: a topic id, or the pool id of a micro-budget vote (as in BallotCast).'),
    scope: z.enum(['community', 'grid', 'building', 'group']),
    scopeId: id,
    residentIds: ids.describe('Every resident on the roll, once each, sorted: no order that could say anything.'),
    size: z.number().int().nonnegative(),
  }),
});

export const BallotCast = defineEvent({
  service,
  type: 'BallotCast',
  version: 1,
  summary: 'An eligible resident voted. Says THAT they voted, never HOW (secret ballot).',
  // Secret ballot: this public event proves participation (turnout, points, one ballot per resident)
  // and must never carry the choice. Choices are only ever published in aggregate, in VotingClosed.
  // The schema strips any extra field, so a `choice` sent by mistake never reaches a consumer.
  schema: z
    .object({
      topicId,
      voterId: id,
      ballotId: id.describe('Identifies the act of voting (receipt, idempotency), not the choice.'),
      assisted: z.boolean().describe('Recorded by staff for a resident who cannot use the app (入户走访), with consent.'),
    })
    .describe('Secret ballot: the choice is deliberately absent and stripped if sent; it is published only in aggregate, in VotingClosed.'),
});

export const BallotWithdrawn = defineEvent({
  service,
  type: 'BallotWithdrawn',
  version: 1,
  summary:
    "A ballot left the box before the close (the voter roll's counterpart of BallotCast): turnout and participation drop by one. Carries no choice.",
  schema: z.object({ topicId, voterId: id, ballotId: id, assisted: z.boolean() }),
});
