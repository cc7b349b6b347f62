import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, text, timestamp } from '../fields';
import { service } from './shared';

// Council meetings (红茶议事会): agenda, ground rules, a moderator, decisions, minutes and an agreement its
// parties sign, whose commitments are tracked to completion. Stream meeting-<meetingId>. Public record (直播).

const meetingId = id;

const decisionFigures = z
  .object({ inFavour: z.number().int().nonnegative(), against: z.number().int().nonnegative(), abstaining: z.number().int().nonnegative() })
  .nullable()
  .describe('A show of hands at the meeting, when one was taken.');

const partyKind = z.enum(['community', 'residents_representative', 'property_company', 'owners_committee', 'department', 'other']);

export const CouncilMeetingScheduled = defineEvent({
  service,
  type: 'CouncilMeetingScheduled',
  version: 1,
  summary: 'A council meeting (红茶议事会) was called with its agenda, ground rules and moderator.',
  schema: z.object({
    meetingId,
    communityId: id,
    topicId: id.nullable().describe('The topic the meeting discusses, if any.'),
    title: text,
    scheduledAt: timestamp,
    agenda: z.array(z.object({ itemId: id, title: text })).min(1),
    groundRules: z.array(text).min(1).describe('Shown to everyone: 不批评、不指责、不打断 …'),
    moderatorId: id,
    convenerId: id,
  }),
});

export const CouncilMeetingStarted = defineEvent({
  service,
  type: 'CouncilMeetingStarted',
  version: 1,
  summary: 'The meeting began; its public record is live (直播).',
  schema: z.object({ meetingId, startedAt: timestamp }),
});

export const MeetingDecisionRecorded = defineEvent({
  service,
  type: 'MeetingDecisionRecorded',
  version: 1,
  summary: 'The moderator recorded a decision of the meeting, with its figures.',
  schema: z.object({ meetingId, decisionId: id, agendaItemId: id.nullable(), text, figures: decisionFigures, recordedAt: timestamp }),
});

export const MeetingMinutesRecorded = defineEvent({
  service,
  type: 'MeetingMinutesRecorded',
  version: 1,
  summary: 'The minutes of the meeting (会议纪要); a later version replaces an earlier one.',
  schema: z.object({ meetingId, minutes: text, recordedBy: id }),
});

export const CouncilMeetingEnded = defineEvent({
  service,
  type: 'CouncilMeetingEnded',
  version: 1,
  summary: 'The meeting ended; its record stays public.',
  schema: z.object({ meetingId, endedAt: timestamp }),
});

export const AgreementDrafted = defineEvent({
  service,
  type: 'AgreementDrafted',
  version: 1,
  summary: 'The meeting drafted an agreement: its parties (who signs for each) and their commitments with due dates.',
  schema: z.object({
    meetingId,
    agreementId: id,
    title: text,
    terms: text,
    parties: z.array(z.object({ partyId: id, kind: partyKind, name: text, signatoryId: id })).min(2),
    commitments: z.array(z.object({ commitmentId: id, partyId: id, description: text, dueAt: timestamp })).min(1),
  }),
});

export const AgreementSigned = defineEvent({
  service,
  type: 'AgreementSigned',
  version: 1,
  summary: 'One party signed the agreement.',
  schema: z.object({ meetingId, agreementId: id, partyId: id, signatoryId: id, signedAt: timestamp }),
});

export const AgreementConcluded = defineEvent({
  service,
  type: 'AgreementConcluded',
  version: 1,
  summary: 'Every party signed: the commitments are now tracked against their due dates.',
  schema: z.object({ meetingId, agreementId: id, concludedAt: timestamp }),
});

export const CommitmentCompleted = defineEvent({
  service,
  type: 'CommitmentCompleted',
  version: 1,
  summary: 'A commitment of a concluded agreement was carried out.',
  schema: z.object({
    meetingId,
    agreementId: id,
    commitmentId: id,
    note: text,
    completedBy: id,
    completedAt: timestamp,
    late: z.boolean(),
  }),
});

export const CommitmentOverdue = defineEvent({
  service,
  type: 'CommitmentOverdue',
  version: 1,
  summary: 'A commitment passed its due date without being completed (flagged by its durable deadline).',
  schema: z.object({ meetingId, agreementId: id, commitmentId: id, partyId: id, dueAt: timestamp }),
});
