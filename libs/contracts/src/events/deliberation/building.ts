import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, ids, percent, text, timestamp } from '../fields';
import { service } from './shared';

// 楼栋自治 (building micro-governance): one stream per building, building-<buildingId>. A building's homes, who
// owns them and who lives in them are the roll of its building-head election and of owners' votes.

export const areaHundredths = z
  .number()
  .int()
  .positive()
  .describe('Floor area (专有部分面积) in hundredths of a square metre (8952 = 89.52 m²): whole numbers, so area tallies are exact.');

export const BuildingRegistered = defineEvent({
  service,
  type: 'BuildingRegistered',
  version: 1,
  summary: 'A building (楼栋) of a grid, with its units (单元), registered by an officer or the grid worker of the grid.',
  schema: z.object({ buildingId: id, communityId: id, gridId: id, name: text, units: z.array(text).min(1) }),
});

export const HomeRecorded = defineEvent({
  service,
  type: 'HomeRecorded',
  version: 1,
  summary:
    'A home (户, 专有部分) of a building: its unit and number, floor area and owners (业主). Recorded again, it replaces the ' +
    'earlier record (a sale changes the owners). Owners are account ids: owners of one home share one vote in owners’ votes.',
  schema: z.object({ buildingId: id, homeId: id, unit: text, number: text, areaHundredths, ownerIds: ids.min(1) }),
});

export const BuildingResidentRecorded = defineEvent({
  service,
  type: 'BuildingResidentRecorded',
  version: 1,
  summary: "A verified resident of the building's grid lives in one of its homes: from now on on the roll of the building's own votes.",
  schema: z.object({ buildingId: id, residentId: id, homeId: id }),
});

const candidate = z.object({ residentId: id, displayName: text });

export const BuildingHeadElectionOpened = defineEvent({
  service,
  type: 'BuildingHeadElectionOpened',
  version: 1,
  summary:
    'The residents of a building elect their building head (楼栋长) by secret ballot until closesAt. The roll is every verified ' +
    'resident recorded in the building when the election opened; turnout and quorum are counted against it.',
  schema: z.object({
    buildingId: id,
    electionId: id,
    candidates: z.array(candidate).min(1),
    closesAt: timestamp,
    quorumPercent: percent,
    residentIds: ids.describe('The roll, sorted: who MAY vote, never who did or how.'),
    eligibleVoters: z.number().int().nonnegative(),
  }),
});

export const BuildingHeadBallotCast = defineEvent({
  service,
  type: 'BuildingHeadBallotCast',
  version: 1,
  summary: 'A resident on the roll voted in a building-head election. Says THAT they voted, never for whom (the choice stays sealed).',
  schema: z.object({ electionId: id, buildingId: id, voterId: id, ballotId: id }),
});

export const BuildingHeadElectionClosed = defineEvent({
  service,
  type: 'BuildingHeadElectionClosed',
  version: 1,
  summary:
    'The sealed box was counted: votes per candidate, turnout against the roll, and the head elected (the most votes, the quorum ' +
    'met, no tie), or null when nobody was.',
  schema: z.object({
    buildingId: id,
    electionId: id,
    tally: z.array(z.object({ residentId: id, votes: z.number().int().nonnegative() })),
    ballotsCast: z.number().int().nonnegative(),
    eligibleVoters: z.number().int().nonnegative(),
    turnoutPercent: z.number().nonnegative(),
    quorumMet: z.boolean(),
    headResidentId: id.nullable(),
  }),
});

export const TopicScopedToBuilding = defineEvent({
  service,
  type: 'TopicScopedToBuilding',
  version: 1,
  summary:
    '小事不出楼栋: the topic proposed just before it (same stream, topic-<topicId>) belongs to one building. Only the residents recorded ' +
    'in the building propose, discuss and vote on it; its vote is a building vote whose roll is drawn from the building register.',
  schema: z.object({ topicId: id, buildingId: id }),
});
