import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, idNullWhenAnonymous, ids, optionalComment, percent, photoIds, score, text, timestamp } from '../fields';
import { service, topicId } from './shared';

// The resident council (议事厅): 民事民提、民事民议、民事民决, a topic from proposal to evaluation.
// Stream topic-<topicId>. Ballot choices are never events: they live in the service's private ballot box
// and leave it only as tallies (VotingClosed).

export const TopicProposed = defineEvent({
  service,
  type: 'TopicProposed',
  version: 1,
  summary: 'A resident proposed a community topic (议题征集).',
  schema: z
    .object({
      topicId,
      communityId: id,
      gridId: id.nullable().describe('Set when the topic concerns one grid only.'),
      title: text,
      description: text,
      anonymous: z.boolean().describe('The proposer asked to stay anonymous in public: proposerId is then null.'),
      proposerId: id.nullable(),
      coSignersNeeded: z
        .number()
        .int()
        .positive()
        .optional()
        .describe(
          'Set when the topic waits for this many co-signers (联署) before screening; absent: it goes straight to screening (the city asks for none, the proposer holds propose-without-co-signer, or staff proposed it).',
        ),
      anonymousProposerMark: z
        .string()
        .length(64)
        .optional()
        .describe(
          'An anonymous topic waiting for co-signers: a keyed mark of its proposer (HMAC-SHA256 in hex, under the service secret), so they cannot co-sign it themselves; it names nobody.',
        ),
    })
    .superRefine(idNullWhenAnonymous('proposerId')),
});

export const TopicCoSigned = defineEvent({
  service,
  type: 'TopicCoSigned',
  version: 1,
  summary: 'A verified resident of the community co-signed a proposed topic (联署); the last co-signer sends it to screening.',
  schema: z.object({
    topicId,
    residentId: id,
    coSigners: z.number().int().positive().describe('Co-signers so far, this one included.'),
    coSignersNeeded: z.number().int().positive(),
  }),
});

export const TopicScreened = defineEvent({
  service,
  type: 'TopicScreened',
  version: 1,
  summary: 'The community screened the topic (议题筛选): accepted, merged into another, or rejected with a written reason.',
  schema: z
    .object({
      topicId,
      outcome: z.enum(['accepted', 'merged', 'rejected']),
      reason: z.string().min(1).nullable().describe('Required when rejected.'),
      mergedIntoTopicId: id.nullable().describe('Set when merged.'),
    })
    .superRefine((data, ctx) => {
      if (data.outcome === 'rejected' && data.reason === null) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when the topic is rejected' });
      }
      if ((data.outcome === 'merged') !== (data.mergedIntoTopicId !== null)) {
        ctx.addIssue({ code: 'custom', path: ['mergedIntoTopicId'], message: 'is set exactly when the topic is merged' });
      }
    }),
});

export const ConsultationOpened = defineEvent({
  service,
  type: 'ConsultationOpened',
  version: 1,
  summary: "Stakeholders' input is gathered and a draft plan prepared (会前调研).",
  schema: z.object({ topicId, draftPlan: z.string().nullable() }),
});

export const DiscussionOpened = defineEvent({
  service,
  type: 'DiscussionOpened',
  version: 1,
  summary: 'Residents discuss the topic (协商议事): comments and, if planned, a meeting.',
  schema: z.object({ topicId, meetingAt: timestamp.nullable() }),
});

export const MeetingAttended = defineEvent({
  service,
  type: 'MeetingAttended',
  version: 1,
  summary: "A resident attended the topic's meeting (not a ballot: attendance is public). Earns participation points.",
  schema: z.object({
    topicId,
    meetingId: id,
    residentId: id,
    participation: z.enum(['in_person', 'online', 'assisted']),
  }),
});

export const VotingOpened = defineEvent({
  service,
  type: 'VotingOpened',
  version: 1,
  summary: 'Voting opened: one secret ballot per verified, eligible resident until closesAt.',
  schema: z.object({
    topicId,
    closesAt: timestamp,
    options: z.array(z.object({ optionId: id, label: text })).min(2),
    eligibility: z.object({
      scope: z.enum(['community', 'grid', 'building', 'group']),
      scopeId: id,
      roster: ids
        .nullable()
        .describe('For building or group scope: the residents of the building or the members of the group (the token names neither).'),
      verifiedOnly: z.boolean().describe('Only residents whose identity an officer verified may vote.'),
    }),
    eligibleVoters: z.number().int().nonnegative(),
    quorumPercent: percent.describe('Turnout (ballots / eligible voters) needed for the result to count.'),
    passThresholdPercent: percent.describe('Share of ballots the winning option needs.'),
  }),
});

export const VotingClosed = defineEvent({
  service,
  type: 'VotingClosed',
  version: 1,
  summary: 'Voting closed: the tally, turnout and whether quorum and threshold were met.',
  schema: z.object({
    topicId,
    tally: z.array(z.object({ optionId: id, votes: z.number().int().nonnegative() })),
    ballotsCast: z.number().int().nonnegative(),
    eligibleVoters: z.number().int().nonnegative(),
    turnoutPercent: z
      .number()
      .nonnegative()
      .describe('Ballots cast / the recorded roll, in percent; never capped, so an electorate too small shows.'),
    quorumMet: z.boolean(),
    passed: z.boolean(),
    winningOptionId: id.nullable(),
    assistedBallots: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe(
        'How many of ballotsCast were recorded by staff for a resident (入户走访); a count only, never per option. 0 in events before it was reported.',
      ),
  }),
});

export const TopicDecided = defineEvent({
  service,
  type: 'TopicDecided',
  version: 1,
  summary: 'The result was published with its reasons (结果公示).',
  schema: z.object({
    topicId,
    result: z.enum(['adopted', 'rejected']),
    chosenOptionId: id.nullable(),
    reasons: text,
  }),
});

export const ImplementationProgressReported = defineEvent({
  service,
  type: 'ImplementationProgressReported',
  version: 1,
  summary: 'A supervisor posted implementation progress (执行监督).',
  schema: z.object({ topicId, percent, note: text, photoIds, supervisorId: id }),
});

export const TopicCompleted = defineEvent({
  service,
  type: 'TopicCompleted',
  version: 1,
  summary: 'The decision was carried out.',
  schema: z.object({ topicId, summary: text, afterPhotoIds: photoIds }),
});

export const StakeholderInputAdded = defineEvent({
  service,
  type: 'StakeholderInputAdded',
  version: 1,
  summary: "A stakeholder (property manager, department, owners' committee …) gave input during consultation.",
  schema: z.object({ topicId, stakeholder: text, input: text }),
});

export const TopicEvaluated = defineEvent({
  service,
  type: 'TopicEvaluated',
  version: 1,
  summary: 'A resident evaluated the completed topic (评价).',
  schema: z.object({ topicId, residentId: id, score, comment: optionalComment }),
});

export const SuggestionAdopted = defineEvent({
  service,
  type: 'SuggestionAdopted',
  version: 1,
  summary: "A resident's suggestion was adopted (居民建议落地清单). Earns the resident points.",
  schema: z
    .object({
      topicId,
      title: text,
      responsibleDepartmentIds: ids,
      anonymous: z.boolean(),
      residentId: id.nullable().describe('The resident who made the suggestion; null when anonymous.'),
    })
    .superRefine(idNullWhenAnonymous('residentId')),
});
