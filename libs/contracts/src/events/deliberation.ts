import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, idNullWhenAnonymous, ids, optionalComment, percent, photoIds, score, text, timestamp } from './fields';

// The resident council (议事厅): 民事民提、民事民议、民事民决. Streams: topic-<topicId> (the lifecycle),
// voter-<topicId>-<residentId> (the voter roll: THAT a resident voted), comment-<commentId> (discussion and
// moderation), budget-<communityId>-<year> (民生微实事). Ballot choices are never events: they live in the
// service's private ballot box and leave it only as tallies.

const service = 'deliberation';

const topicId = id;

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
    })
    .superRefine(idNullWhenAnonymous('proposerId')),
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
      scope: z.enum(['community', 'grid', 'building']),
      scopeId: id,
      roster: ids.nullable().describe('For building scope: the residents of the building (the token names no building).'),
      verifiedOnly: z.boolean().describe('Only residents whose identity an officer verified may vote.'),
    }),
    eligibleVoters: z.number().int().nonnegative(),
    quorumPercent: percent.describe('Turnout (ballots / eligible voters) needed for the result to count.'),
    passThresholdPercent: percent.describe('Share of ballots the winning option needs.'),
  }),
});

export const VotingRollRecorded = defineEvent({
  service,
  type: 'VotingRollRecorded',
  version: 1,
  summary:
    "The roll of a vote, drawn when voting opened: the verified residents of the vote's scope at that moment. Turnout and quorum " +
    'are counted against it and only residents on it may vote. Says who MAY vote, never who did or how.',
  schema: z.object({
    topicId: id.describe('The vote: a topic id, or the pool id of a micro-budget vote (as in BallotCast).'),
    scope: z.enum(['community', 'grid', 'building']),
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
    .describe(
      'Secret ballot: the choice is deliberately absent and stripped if sent; it is published only in aggregate, in VotingClosed.',
    ),
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
    turnoutPercent: z.number().nonnegative().describe('Ballots cast / the recorded roll, in percent; never capped, so an electorate too small shows.'),
    quorumMet: z.boolean(),
    passed: z.boolean(),
    winningOptionId: id.nullable(),
    assistedBallots: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe('How many of ballotsCast were recorded by staff for a resident (入户走访); a count only, never per option. 0 in events before it was reported.'),
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
  summary: 'A stakeholder (property manager, department, owners\' committee …) gave input during consultation.',
  schema: z.object({ topicId, stakeholder: text, input: text }),
});

export const TopicEvaluated = defineEvent({
  service,
  type: 'TopicEvaluated',
  version: 1,
  summary: 'A resident evaluated the completed topic (评价).',
  schema: z.object({ topicId, residentId: id, score, comment: optionalComment }),
});

export const CommentPosted = defineEvent({
  service,
  type: 'CommentPosted',
  version: 1,
  summary: 'A comment on a topic in discussion, possibly a reply (threaded). Stream: comment-<commentId>.',
  schema: z.object({ commentId: id, topicId, parentCommentId: id.nullable(), authorId: id, text }),
});

const reportReason = z.enum(['spam', 'offensive', 'off_topic']);

export const ContentReported = defineEvent({
  service,
  type: 'ContentReported',
  version: 1,
  summary: 'A resident reported a comment (spam, offensive, off-topic).',
  schema: z.object({ commentId: id, topicId, reporterId: id, reason: reportReason, reportCount: z.number().int().positive() }),
});

export const ContentHidden = defineEvent({
  service,
  type: 'ContentHidden',
  version: 1,
  summary: 'A comment was hidden after 3 reports, pending review.',
  schema: z.object({ commentId: id, topicId, reportCount: z.number().int().positive() }),
});

export const ContentReviewed = defineEvent({
  service,
  type: 'ContentReviewed',
  version: 1,
  summary: 'A moderator restored or removed a reported comment, with a reason.',
  schema: z.object({ commentId: id, topicId, outcome: z.enum(['restored', 'removed']), reason: text, reviewerId: id }),
});

const poolId = id.describe('budget-<communityId>-<year>: the stream id of the pool.');
const yuan = z.number().int().nonnegative().describe('Whole yuan (人民币元).');

export const BudgetPoolOpened = defineEvent({
  service,
  type: 'BudgetPoolOpened',
  version: 1,
  summary:
    "A community's 民生微实事 budget pool for a year. Last year's evaluations (评单) adjust the base amount: " +
    'suggestedAmountYuan = round(baseAmountYuan × allocationFactor), allocationFactor = 1 + (previousYearSatisfaction − 3) × 0.1 ' +
    '(0.8 … 1.2; 1 without evaluations). amountYuan is the suggestion unless the officer set another amount.',
  schema: z.object({
    poolId,
    communityId: id,
    year: z.number().int(),
    baseAmountYuan: yuan,
    allocationFactor: z.number().min(0.8).max(1.2),
    suggestedAmountYuan: yuan,
    amountYuan: yuan.describe('The pool residents vote within.'),
    previousYearSatisfaction: z.number().min(1).max(5).nullable().describe("Mean score of last year's project evaluations; null without any."),
    previousYearEvaluations: z.number().int().nonnegative().describe('How many evaluations that mean is of.'),
  }),
});

export const NeedOrdered = defineEvent({
  service,
  type: 'NeedOrdered',
  version: 1,
  summary: 'A resident ordered a need (居民点单); optionally anonymous in public.',
  schema: z
    .object({
      poolId,
      needId: id,
      title: text,
      description: text,
      anonymous: z.boolean().describe('The resident asked to stay anonymous in public: residentId is then null.'),
      residentId: id.nullable(),
    })
    .superRefine(idNullWhenAnonymous('residentId')),
});

export const NeedMatched = defineEvent({
  service,
  type: 'NeedMatched',
  version: 1,
  summary: 'An officer matched a need to a provider and a cost (政府配单), making it a candidate project.',
  schema: z.object({ poolId, needId: id, projectId: id, provider: text, costYuan: yuan.positive() }),
});

export const BudgetVotingOpened = defineEvent({
  service,
  type: 'BudgetVotingOpened',
  version: 1,
  summary:
    "Residents vote on the candidate projects with a secret approval ballot until closesAt. 'knapsack': one ballot's " +
    "selection may cost at most the pool; 'approval': any number of projects.",
  schema: z.object({
    poolId,
    method: z.enum(['approval', 'knapsack']),
    closesAt: timestamp,
    projectIds: ids,
    poolAmountYuan: yuan,
    eligibleVoters: z.number().int().nonnegative(),
  }),
});

export const BudgetVotingClosed = defineEvent({
  service,
  type: 'BudgetVotingClosed',
  version: 1,
  summary:
    'The budget vote closed. Funding rule: projects in order of approvals (ties: cheaper first, then the earlier match); ' +
    'each is funded if it still fits in what is left of the pool, else skipped; a project without approvals is never funded.',
  schema: z.object({
    poolId,
    tally: z.array(z.object({ projectId: id, votes: z.number().int().nonnegative(), costYuan: yuan })),
    ballotsCast: z.number().int().nonnegative(),
    fundedProjectIds: ids,
    fundedTotalYuan: yuan,
    remainingYuan: yuan,
    unfunded: z.array(z.object({ projectId: id, reason: z.enum(['no_votes', 'over_remaining_budget']) })),
  }),
});

export const BudgetProjectProgressReported = defineEvent({
  service,
  type: 'BudgetProjectProgressReported',
  version: 1,
  summary: 'Progress of a funded micro-project, with photos (posted by a supervisor or a community officer).',
  schema: z.object({ poolId, projectId: id, percent, note: text, photoIds, supervisorId: id.describe('Who posted the progress.') }),
});

export const BudgetProjectCompleted = defineEvent({
  service,
  type: 'BudgetProjectCompleted',
  version: 1,
  summary: 'A funded micro-project was completed; residents may now evaluate it.',
  schema: z.object({ poolId, projectId: id, summary: text, afterPhotoIds: photoIds }),
});

export const BudgetProjectEvaluated = defineEvent({
  service,
  type: 'BudgetProjectEvaluated',
  version: 1,
  summary: "A resident evaluated a completed micro-project (群众评单), once per project; feeds next year's allocation.",
  schema: z.object({ poolId, projectId: id, residentId: id, score, comment: optionalComment }),
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

// Assisted participation (入户走访): staff record a ballot or an opinion for a resident who cannot use the
// app, with the resident's consent (a one-time code from the resident's phone, or a photo of a signed
// slip). Stream assisted-<residentId>. The choice of an assisted ballot is never in an event.

const consent = z
  .object({
    method: z.enum(['one_time_code', 'signed_slip']),
    slipPhotoId: id.nullable().describe('The photo of the signed consent slip (evidence); null for a one-time code.'),
  })
  .describe("How the resident consented. A one-time code is checked and spent, never stored in an event.");

export const AssistedBallotRecorded = defineEvent({
  service,
  type: 'AssistedBallotRecorded',
  version: 1,
  summary: 'Staff recorded a secret ballot for a resident with their consent (入户走访). Says THAT, never HOW; the BallotCast of the voter roll has assisted: true.',
  schema: z.object({ topicId, residentId: id, ballotId: id, assistantId: id, assistantRole: id, consent }),
});

export const AssistedBallotWithdrawn = defineEvent({
  service,
  type: 'AssistedBallotWithdrawn',
  version: 1,
  summary: 'The resident withdrew the ballot staff recorded for them, before the close. Carries no choice.',
  schema: z.object({ topicId, residentId: id, ballotId: id }),
});

export const BallotWithdrawn = defineEvent({
  service,
  type: 'BallotWithdrawn',
  version: 1,
  summary: "A ballot left the box before the close (the voter roll's counterpart of BallotCast): turnout and participation drop by one. Carries no choice.",
  schema: z.object({ topicId, voterId: id, ballotId: id, assisted: z.boolean() }),
});

export const AssistedCommentRecorded = defineEvent({
  service,
  type: 'AssistedCommentRecorded',
  version: 1,
  summary: "Staff recorded a resident's opinion on a topic for them, with consent; the CommentPosted names the resident as its author.",
  schema: z.object({ topicId, residentId: id, commentId: id, assistantId: id, assistantRole: id, consent }),
});

// Council meetings (红茶议事会): agenda, ground rules, a moderator, decisions, minutes and an agreement its
// parties sign, whose commitments are tracked to completion. Stream meeting-<meetingId>. Public record (直播).

const meetingId = id;
const decisionFigures = z
  .object({ inFavour: z.number().int().nonnegative(), against: z.number().int().nonnegative(), abstaining: z.number().int().nonnegative() })
  .nullable()
  .describe('A show of hands at the meeting, when one was taken.');

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

const partyKind = z.enum(['community', 'residents_representative', 'property_company', 'owners_committee', 'department', 'other']);

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
  schema: z.object({ meetingId, agreementId: id, commitmentId: id, note: text, completedBy: id, completedAt: timestamp, late: z.boolean() }),
});

export const CommitmentOverdue = defineEvent({
  service,
  type: 'CommitmentOverdue',
  version: 1,
  summary: 'A commitment passed its due date without being completed (flagged by its durable deadline).',
  schema: z.object({ meetingId, agreementId: id, commitmentId: id, partyId: id, dueAt: timestamp }),
});

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
    returning: z.number().int().min(0).describe('Members who also served in one of the last terms (only when too few new volunteers stood)'),
  }),
});

export const deliberationContracts = [
  TopicProposed,
  CouncilVolunteerRegistered,
  CouncilRotated,
  TopicScreened,
  ConsultationOpened,
  DiscussionOpened,
  MeetingAttended,
  VotingOpened,
  VotingRollRecorded,
  BallotCast,
  VotingClosed,
  TopicDecided,
  ImplementationProgressReported,
  TopicCompleted,
  TopicEvaluated,
  SuggestionAdopted,
  StakeholderInputAdded,
  CommentPosted,
  ContentReported,
  ContentHidden,
  ContentReviewed,
  BudgetPoolOpened,
  NeedOrdered,
  NeedMatched,
  BudgetVotingOpened,
  BudgetVotingClosed,
  BudgetProjectProgressReported,
  BudgetProjectCompleted,
  BudgetProjectEvaluated,
  AssistedBallotRecorded,
  AssistedBallotWithdrawn,
  BallotWithdrawn,
  AssistedCommentRecorded,
  CouncilMeetingScheduled,
  CouncilMeetingStarted,
  MeetingDecisionRecorded,
  MeetingMinutesRecorded,
  CouncilMeetingEnded,
  AgreementDrafted,
  AgreementSigned,
  AgreementConcluded,
  CommitmentCompleted,
  CommitmentOverdue,
] as const;
