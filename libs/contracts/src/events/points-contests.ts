import { z } from 'zod';
import { defineEvent } from '../registry';
import { id, ids, score, text, timestamp } from './fields';

// Contests (竞赛化激励), kept by the points service: 金点子 idea contests, 最美楼栋 and the volunteer month.
// Stream: contest-<contestId>. Standings are a fold of the stream; the prizes are named in ContestClosed.

const service = 'points';
const contestId = id;
const contestKind = z
  .enum(['idea', 'building', 'volunteer'])
  .describe('idea: 金点子 (entries and a vote); building: 最美楼栋; volunteer: the volunteer month (teams and individuals).');

export const ContestOpened = defineEvent({
  service,
  type: 'ContestOpened',
  version: 1,
  summary:
    'Street or community staff opened a contest of a community for a period. A building contest carries the roll of ' +
    "the community's buildings and their residents as the points service knew them from deliberation's register at opening.",
  schema: z.object({
    contestId,
    kind: contestKind,
    title: text,
    communityId: id,
    startsAt: timestamp,
    endsAt: timestamp,
    prizePoints: z.number().int().positive().describe('Points for each winner (each resident of the winning building).'),
    winners: z.number().int().min(1).max(10).describe('How many top places win (a building contest has one winner).'),
    teamPrizePoints: z.number().int().nonnegative().describe('Volunteer month: points for each member of the top team.'),
    teams: z.array(z.object({ teamId: id, name: text })),
    buildings: z.array(z.object({ buildingId: id, name: text, residentIds: ids })),
    openedBy: id,
    jurorIds: ids
      .optional()
      .describe('Idea contest: the jury (staff or residents) whose mean scores decide it; absent or empty: the residents vote.'),
  }),
});

export const IdeaSubmitted = defineEvent({
  service,
  type: 'IdeaSubmitted',
  version: 1,
  summary: 'A resident entered an idea (金点子) in an idea contest.',
  schema: z.object({ contestId, entryId: id, residentId: id, title: text, description: text }),
});

export const IdeaVoteCast = defineEvent({
  service,
  type: 'IdeaVoteCast',
  version: 1,
  summary:
    'A resident of the community voted for an idea (one vote per resident per contest; not for their own idea). Public: a show of hands, not a secret ballot.',
  schema: z.object({ contestId, entryId: id, residentId: id }),
});

export const IdeaScored = defineEvent({
  service,
  type: 'IdeaScored',
  version: 1,
  summary:
    "A juror of an idea contest scored an idea (1–10, once per idea, never their own). The standings are the jurors' mean; " +
    'the points service shows scores only to the jury and staff until the close, and then only the totals.',
  schema: z.object({ contestId, entryId: id, jurorId: id, score: z.number().int().min(1).max(10) }),
});

export const ContestTeamJoined = defineEvent({
  service,
  type: 'ContestTeamJoined',
  version: 1,
  summary: 'A resident joined a team of a volunteer month: from now on their verified hours in the period count.',
  schema: z.object({ contestId, teamId: id, residentId: id }),
});

export const BuildingCleanlinessRated = defineEvent({
  service,
  type: 'BuildingCleanlinessRated',
  version: 1,
  summary: 'Staff rated the cleanliness of a building in a 最美楼栋 contest (1–5); the average counts.',
  schema: z.object({ contestId, buildingId: id, score, ratedBy: id }),
});

export const ContestActivityCounted = defineEvent({
  service,
  type: 'ContestActivityCounted',
  version: 1,
  summary:
    "A resident's act in the period counted in a contest, once per source event: verified volunteer hours (volunteer month), " +
    'a valid report or a rewarded participation of a resident of a building (最美楼栋).',
  schema: z.object({
    contestId,
    sourceEventId: id,
    residentId: id,
    measure: z.enum(['volunteer_hours', 'valid_report', 'participation']),
    amount: z.number().positive(),
    subjectId: id.describe('What the act counts for: the team (volunteer month) or the building.'),
  }),
});

const standing = z.object({
  rank: z.number().int().positive(),
  kind: z.enum(['idea', 'building', 'team', 'resident']),
  subjectId: id,
  label: text,
  score: z.number().describe("Votes or the jurors' mean score (idea), the building score, or hours (team, resident)."),
});

export const ContestClosed = defineEvent({
  service,
  type: 'ContestClosed',
  version: 1,
  summary:
    'The contest closed with its final standings and prizes: each resident is named once with the sum of their prizes, ' +
    'awarded once as points (rule contest-prize).',
  schema: z.object({
    contestId,
    standings: z.array(standing),
    prizes: z.array(z.object({ residentId: id, points: z.number().int().positive(), reasons: z.array(text).min(1) })),
    closedBy: id,
  }),
});

export const contestContracts = [
  ContestOpened,
  IdeaSubmitted,
  IdeaVoteCast,
  IdeaScored,
  ContestTeamJoined,
  BuildingCleanlinessRated,
  ContestActivityCounted,
  ContestClosed,
] as const;
