import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import type { RegisteredBuilding } from '../building/building.state';
import { homeBallotDecider } from './home-ballot.decider';
import { tallyOwnersVote, type OwnersVoteTerms } from './owners-tally';
import { ownersVoteDecider } from './owners-vote.decider';

const terms = (rule: OwnersVoteTerms['rule']): OwnersVoteTerms => ({
  voteId: 'v1',
  rule,
  options: [{ optionId: 'company-a' }, { optionId: 'company-b' }],
  quorumPercent: 66.67,
  passThresholdPercent: 50,
  homesOnRoll: 4,
  // 60.01 + 60.01 + 60.01 + 150.33 m²
  areaOnRollHundredths: 6001 * 3 + 15033,
});
// Three small homes choose A; the one large home chooses B.
const counts = { 'company-a': { homes: 3, areaHundredths: 18003 }, 'company-b': { homes: 1, areaHundredths: 15033 } };

describe("an owners' vote count (民法典 第278条)", () => {
  it('one vote per home: three homes of four carry company A', () => {
    expect(tallyOwnersVote(terms('per_home'), counts)).toMatchObject({ winningOptionId: 'company-a', passed: true, quorumMet: true });
  });

  it('by floor area the same ballots are counted exactly, to the hundredth of a square metre', () => {
    const result = tallyOwnersVote(terms('floor_area'), counts);
    expect(result.tally).toEqual([
      { optionId: 'company-a', homes: 3, areaHundredths: 18003, homeSharePercent: 75, areaSharePercent: 54.5 },
      { optionId: 'company-b', homes: 1, areaHundredths: 15033, homeSharePercent: 25, areaSharePercent: 45.5 },
    ]);
    expect(result).toMatchObject({ areaVotedHundredths: 33036, areaTurnoutPercent: 100, winningOptionId: 'company-a', passed: true });
  });

  it('the double majority fails when the homes and the area disagree, and shows both shares', () => {
    const large = { 'company-a': { homes: 3, areaHundredths: 18003 }, 'company-b': { homes: 1, areaHundredths: 40000 } };
    const result = tallyOwnersVote({ ...terms('double_majority'), areaOnRollHundredths: 58003 }, large);
    expect(result.tally.map((r) => [r.optionId, r.homeSharePercent, r.areaSharePercent])).toEqual([
      ['company-a', 75, 31.04],
      ['company-b', 25, 68.96],
    ]);
    expect(result).toMatchObject({ quorumMet: true, winningOptionId: null, passed: false });
  });

  it('exactly half is not more than half (过半数), and a turnout under the quorum passes nothing', () => {
    const half = {
      'company-a': { homes: 2, areaHundredths: 100 },
      'company-b': { homes: 1, areaHundredths: 50 },
      abstain: { homes: 1, areaHundredths: 50 },
    };
    const result = tallyOwnersVote(
      { ...terms('per_home'), options: [{ optionId: 'company-a' }, { optionId: 'company-b' }, { optionId: 'abstain' }] },
      half,
    );
    expect(result).toMatchObject({ winningOptionId: 'company-a', passed: false });
    expect(tallyOwnersVote(terms('per_home'), { 'company-a': { homes: 2, areaHundredths: 12002 } })).toMatchObject({
      homeTurnoutPercent: 50,
      quorumMet: false,
      passed: false,
    });
  });
});

describe("a home's ballot", () => {
  const spec = deciderSpec(homeBallotDecider, {});
  const cast = (ownerId: string) => ({
    type: 'RecordOwnerBallot' as const,
    data: { voteId: 'v1', homeId: 'h1', ownerId, ballotId: `ballot-${ownerId}` },
  });

  it('is cast once; its owner may change it, a co-owner is refused', () => {
    const first = { type: 'OwnerBallotCast' as const, data: cast('owner-1').data };
    spec.given([]).when(cast('owner-1')).then([first]);
    spec.given([first]).when(cast('owner-1')).then([]);
    spec.given([first]).when(cast('owner-2')).thenThrows('OWNERS_VOTE.HOME_ALREADY_VOTED');
  });
});

describe("opening an owners' vote", () => {
  const officer: Caller = {
    subject: 'officer-1',
    roles: ['community_officer'],
    scope: { communityId: 'community-hexie' },
    verification: 'verified',
  };
  const spec = deciderSpec(ownersVoteDecider, { caller: officer, now: new Date('2026-11-26T09:00:00.000Z') });
  const building = (communityId: string): RegisteredBuilding => ({
    status: 'Registered',
    buildingId: 'b1',
    communityId,
    gridId: 'grid-hexie-01',
    name: '3号楼',
    units: ['1单元'],
    homes: { h1: { homeId: 'h1', unit: '1单元', number: '101', areaHundredths: 8952, ownerIds: ['o1', 'o2'] } },
    residents: {},
    election: null,
    headResidentId: null,
  });
  const open = (communityId: string) => ({
    type: 'OpenOwnersVote' as const,
    data: {
      voteId: 'v1',
      communityId: 'community-hexie',
      buildings: [building(communityId)],
      question: '选聘物业公司',
      options: [
        { optionId: 'company-a', label: '甲物业' },
        { optionId: 'company-b', label: '乙物业' },
      ],
      rule: 'double_majority' as const,
      quorumPercent: 66.67,
      passThresholdPercent: 50,
      closesAt: '2026-12-03T09:00:00.000Z',
    },
  });

  it('draws the roll from the homes of its buildings, and refuses a building of another community', () => {
    spec
      .given([])
      .when(open('community-hexie'))
      .then([
        expect.objectContaining({
          type: 'OwnersVoteOpened',
          data: expect.objectContaining({
            homes: [{ homeId: 'h1', buildingId: 'b1', areaHundredths: 8952, ownerIds: ['o1', 'o2'] }],
            homesOnRoll: 1,
            areaOnRollHundredths: 8952,
          }),
        }) as never,
      ]);
    spec.given([]).when(open('community-xingfu')).thenThrows('OWNERS_VOTE.BUILDING_OUTSIDE_COMMUNITY');
  });
});
