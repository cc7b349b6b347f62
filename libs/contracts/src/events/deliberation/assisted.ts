import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id } from '../fields';
import { service, topicId } from './shared';

// Assisted participation (入户走访): staff record a ballot or an opinion for a resident who cannot use the
// app, with the resident's consent (a one-time code from the resident's phone, or a photo of a signed
// slip). Stream assisted-<residentId>. The choice of an assisted ballot is never in an event.

const consent = z
  .object({
    method: z.enum(['one_time_code', 'signed_slip']),
    slipPhotoId: id.nullable().describe('The photo of the signed consent slip (evidence); null for a one-time code.'),
  })
  .describe('How the resident consented. A one-time code is checked and spent, never stored in an event.');

export const AssistedBallotRecorded = defineEvent({
  service,
  type: 'AssistedBallotRecorded',
  version: 1,
  summary:
    'Staff recorded a secret ballot for a resident with their consent (入户走访). Says THAT, never HOW; the BallotCast of the voter roll has assisted: true.',
  schema: z.object({ topicId, residentId: id, ballotId: id, assistantId: id, assistantRole: id, consent }),
});

export const AssistedBallotWithdrawn = defineEvent({
  service,
  type: 'AssistedBallotWithdrawn',
  version: 1,
  summary: 'The resident withdrew the ballot staff recorded for them, before the close. Carries no choice.',
  schema: z.object({ topicId, residentId: id, ballotId: id }),
});

export const AssistedCommentRecorded = defineEvent({
  service,
  type: 'AssistedCommentRecorded',
  version: 1,
  summary: "Staff recorded a resident's opinion on a topic for them, with consent; the CommentPosted names the resident as its author.",
  schema: z.object({ topicId, residentId: id, commentId: id, assistantId: id, assistantRole: id, consent }),
});
