import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, ids, optionalComment, text } from './fields';

// Co-building (共建): community partner projects (社区合伙人) with their teams, resource requests and income
// split with the public community fund; the three lists (资源清单、需求清单、项目清单) with bookable spaces;
// the registry of community social organisations and their evaluation grades (等级评估).
// Streams: project-<projectId>, resource-<resourceId>, space-<resourceId>-<YYYY-MM-DD> (one space's
// bookings of one day), need-<needId>, organisation-<organisationId>, community-fund-<communityId> (the
// public fund's spendings; its income is the fund share of the projects' income).

const service = 'co-building';

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .describe('A calendar day, local time of the city.');
const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
  .describe('A time of day, local time of the city.');
const fen = z.number().int().min(0).describe('An amount of money in fen (分, 1/100 yuan).');
const positiveFen = z.number().int().min(1).describe('An amount of money in fen (分, 1/100 yuan), more than nothing.');
const tags = z.array(id).describe('Free tags, lower case, for matching needs with resources.');

const project = { projectId: id, communityId: id };
const openTo = z
  .enum(['community', 'street', 'city'])
  .optional()
  .describe("Who may take part: residents of its community (absent: the same), of the community's street, or of the whole city.");

export const CommunityProjectStarted = defineEvent({
  service,
  type: 'CommunityProjectStarted',
  version: 1,
  summary: 'A resident started a community project (社区合伙人): a title, one line and a community are enough; the starter leads its team.',
  schema: z.object({ ...project, title: text, summary: text, category: id.nullable(), leaderId: id, openTo }),
});

export const ProjectTeamMemberJoined = defineEvent({
  service,
  type: 'ProjectTeamMemberJoined',
  version: 1,
  summary: "A resident joined a community project's team.",
  schema: z.object({ ...project, memberId: id }),
});

export const ProjectResourceRequested = defineEvent({
  service,
  type: 'ProjectResourceRequested',
  version: 1,
  summary: "A team member applied for a resource of the community's pool for the project.",
  schema: z.object({ ...project, requestId: id, resourceId: id, purpose: text, requestedBy: id }),
});

export const ProjectResourceRequestApproved = defineEvent({
  service,
  type: 'ProjectResourceRequestApproved',
  version: 1,
  summary: "A community officer approved a project's resource request.",
  schema: z.object({ ...project, requestId: id, resourceId: id, officerId: id, note: optionalComment }),
});

export const ProjectResourceRequestDeclined = defineEvent({
  service,
  type: 'ProjectResourceRequestDeclined',
  version: 1,
  summary: "A community officer declined a project's resource request, with a reason.",
  schema: z.object({ ...project, requestId: id, resourceId: id, officerId: id, reason: text }),
});

export const ProjectActivityReported = defineEvent({
  service,
  type: 'ProjectActivityReported',
  version: 1,
  summary: 'The team reported an activity of the project (a reading session, a lunch …).',
  schema: z.object({
    ...project,
    activityId: id,
    reportedBy: id,
    heldOn: localDate,
    summary: text,
    participants: z.number().int().min(0),
  }),
});

export const ProjectIncomeRecorded = defineEvent({
  service,
  type: 'ProjectIncomeRecorded',
  version: 1,
  summary:
    "Income the project earned (space rent, service fees), split by the configured ratio between the team and the community's public fund.",
  schema: z.object({
    ...project,
    incomeId: id,
    source: z.enum(['space_rent', 'service_fee', 'donation', 'other']),
    description: text,
    amountFen: fen,
    teamSharePercent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('The ratio in force when recorded: the team’s percent; the rest goes to the fund.'),
    teamShareFen: fen,
    fundShareFen: fen,
    recordedBy: id,
  }),
});

export const ResourceListed = defineEvent({
  service,
  type: 'ResourceListed',
  version: 1,
  summary: 'A resource joined the community pool (资源清单): an idle space, an offer of a company or institution, a resident’s skill.',
  schema: z.object({
    resourceId: id,
    communityId: id,
    kind: z.enum(['space', 'goods', 'service', 'skill']),
    title: text,
    description: text,
    category: id,
    tags,
    offeredByKind: z.enum(['community', 'company', 'institution', 'organisation', 'resident']),
    offeredByName: text.describe('The company, institution or organisation; for a resident, their display name as they gave it.'),
    listedBy: id,
    opensAt: localTime.nullable().describe('A space: bookable from this time each day; null otherwise.'),
    closesAt: localTime.nullable().describe('A space: bookable until this time each day; null otherwise.'),
    openTo,
  }),
});

export const SpaceSlotBooked = defineEvent({
  service,
  type: 'SpaceSlotBooked',
  version: 1,
  summary: 'A time slot of a space was booked; slots of one space never overlap.',
  schema: z.object({
    bookingId: id,
    resourceId: id,
    communityId: id,
    day: localDate,
    from: localTime,
    to: localTime,
    purpose: text,
    projectId: id.nullable(),
    bookedBy: id,
  }),
});

export const SpaceSlotBookingCancelled = defineEvent({
  service,
  type: 'SpaceSlotBookingCancelled',
  version: 1,
  summary:
    'A booking of a space was cancelled before its slot started, by the booker or, with a reason, by an officer of the community; the slot is free to book again.',
  schema: z.object({
    bookingId: id,
    resourceId: id,
    communityId: id,
    day: localDate,
    from: localTime,
    to: localTime,
    bookedBy: id,
    cancelledBy: id,
    cancelledAs: z
      .enum(['booker', 'community_officer'])
      .describe('Whether the booker cancelled their own booking or an officer of the community cancelled it.'),
    reason: optionalComment.describe('Why; always given when an officer cancels somebody else’s booking.'),
  }),
});

export const CommunityFundSpent = defineEvent({
  service,
  type: 'CommunityFundSpent',
  version: 1,
  summary:
    "An officer of the community recorded a spending from the community's public fund (never more than its balance), with its purpose and, where the council (议事厅) decided it, the topic.",
  schema: z.object({
    spendingId: id,
    communityId: id,
    amountFen: positiveFen,
    purpose: text,
    councilTopicId: id.nullable().describe('The council topic whose decision approved this use of the fund; null when none is named.'),
    spentBy: id.describe('The officer who recorded the spending.'),
  }),
});

export const NeedPosted = defineEvent({
  service,
  type: 'NeedPosted',
  version: 1,
  summary: 'A resident posted a need (需求清单) of the community.',
  schema: z.object({ needId: id, communityId: id, title: text, description: text, category: id, tags, postedBy: id }),
});

export const CommunityOrganisationRegistered = defineEvent({
  service,
  type: 'CommunityOrganisationRegistered',
  version: 1,
  summary: 'A community social organisation (社区社会组织) was registered with the services it offers.',
  schema: z.object({
    organisationId: id,
    communityId: id,
    name: text,
    kind: z.enum(['public_welfare', 'mutual_aid', 'culture_sports', 'professional_service', 'other']),
    services: z.array(text),
    registeredBy: id,
  }),
});

export const CommunityOrganisationGraded = defineEvent({
  service,
  type: 'CommunityOrganisationGraded',
  version: 1,
  summary: 'A community social organisation was evaluated (等级评估) and given a grade, 1A to 5A; earlier grades stay in its history.',
  schema: z.object({
    organisationId: id,
    communityId: id,
    grade: z.enum(['1A', '2A', '3A', '4A', '5A']),
    previousGrade: z.enum(['1A', '2A', '3A', '4A', '5A']).nullable(),
    evaluatedOn: localDate,
    validUntil: localDate,
    evaluatorIds: ids.describe('The officers who recorded the evaluation.'),
    note: optionalComment,
  }),
});

export const CommunityActivityScheduled = defineEvent({
  service,
  type: 'CommunityActivityScheduled',
  version: 1,
  summary:
    "An officer of the community scheduled an activity residents sign up for: it starts at startsAt, takes capacity people, and sign-up opens at signUpOpensAt (earlier for residents whose level unlocks 'early-sign-up').",
  schema: z.object({
    activityId: id,
    communityId: id,
    title: text,
    startsAt: z.string().datetime().describe('When the activity starts (ISO 8601 UTC); nobody signs up from then on.'),
    capacity: z.number().int().min(1).max(500),
    signUpOpensAt: z.string().datetime().describe('When sign-up opens for everyone (ISO 8601 UTC), before startsAt.'),
    scheduledBy: id,
  }),
});

export const ActivitySignedUp = defineEvent({
  service,
  type: 'ActivitySignedUp',
  version: 1,
  summary: 'A verified resident of the community signed up for an activity; an activity never holds more sign-ups than its capacity.',
  schema: z.object({
    activityId: id,
    communityId: id,
    residentId: id,
    early: z.boolean().describe("Signed up before sign-up opened for everyone, through the 'early-sign-up' privilege of their level."),
  }),
});

export const coBuildingContracts = [
  CommunityProjectStarted,
  ProjectTeamMemberJoined,
  ProjectResourceRequested,
  ProjectResourceRequestApproved,
  ProjectResourceRequestDeclined,
  ProjectActivityReported,
  ProjectIncomeRecorded,
  ResourceListed,
  SpaceSlotBooked,
  SpaceSlotBookingCancelled,
  NeedPosted,
  CommunityOrganisationRegistered,
  CommunityOrganisationGraded,
  CommunityFundSpent,
  CommunityActivityScheduled,
  ActivitySignedUp,
] as const;
