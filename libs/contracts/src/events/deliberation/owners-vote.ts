import { z } from 'zod';
import { defineEvent } from '../../registry';
import { id, percent, text, timestamp } from '../fields';
import { areaHundredths } from './building';
import { service } from './shared';

// 全体业主投票 (owners' votes, e.g. 物业公司选聘): stream owners-vote-<voteId>. The roll is the homes of the buildings in
// scope; one ballot per home (a home's co-owners share it: 一个专有部分按一人计算), weighted by the home's floor area
// where the rule says so.

export const ownersVoteRule = z
  .enum(['per_home', 'floor_area', 'double_majority'])
  .describe(
    'per_home: one vote per home, quorum and pass by home count. floor_area: each home weighs its floor area, quorum and pass by area. double_majority (民法典 第278条): both must hold, by homes and by area.',
  );

const home = z.object({ homeId: id, buildingId: id, areaHundredths, ownerIds: z.array(id).min(1) });

export const OwnersVoteOpened = defineEvent({
  service,
  type: 'OwnersVoteOpened',
  version: 1,
  summary:
    'A vote of the owners of the homes of some buildings until closesAt, by secret ballot. The roll (homes, areas, owners) is drawn ' +
    'from the building register when it opens. It passes when turnout reaches quorumPercent and the winning option has MORE than ' +
    'passThresholdPercent of the participating homes and/or area, as the rule says (过半数 at 50).',
  schema: z.object({
    voteId: id,
    communityId: id,
    buildingIds: z.array(id).min(1),
    question: text,
    options: z.array(z.object({ optionId: id, label: text })).min(2),
    rule: ownersVoteRule,
    quorumPercent: percent,
    passThresholdPercent: percent,
    closesAt: timestamp,
    homes: z.array(home).describe('The roll, sorted by home id.'),
    homesOnRoll: z.number().int().nonnegative(),
    areaOnRollHundredths: z.number().int().nonnegative(),
  }),
});

export const OwnerBallotCast = defineEvent({
  service,
  type: 'OwnerBallotCast',
  version: 1,
  summary: "A home's ballot was cast by one of its owners. Says THAT the home voted and by which owner, never how.",
  schema: z.object({ voteId: id, homeId: id, ownerId: id, ballotId: id }),
});

const count = z.number().int().nonnegative();

export const OwnersVoteClosed = defineEvent({
  service,
  type: 'OwnersVoteClosed',
  version: 1,
  summary:
    'The sealed box was counted: per option the homes and their area, with both shares of the participating homes and area, so ' +
    "the double majority can be read whatever the rule; turnout by homes and by area; whether the quorum and the rule's majority held.",
  schema: z.object({
    voteId: id,
    rule: ownersVoteRule,
    tally: z.array(
      z.object({
        optionId: id,
        homes: count,
        areaHundredths: count,
        homeSharePercent: percent.describe('Of the homes that voted.'),
        areaSharePercent: percent.describe('Of the area that voted.'),
      }),
    ),
    homesVoted: count,
    homesOnRoll: count,
    areaVotedHundredths: count,
    areaOnRollHundredths: count,
    homeTurnoutPercent: percent,
    areaTurnoutPercent: percent,
    quorumMet: z.boolean(),
    passed: z.boolean(),
    winningOptionId: id.nullable(),
  }),
});
