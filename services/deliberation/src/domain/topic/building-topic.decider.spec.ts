import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { topicDecider } from './topic.decider';
import type { TopicEvent } from './topic.events';

// 小事不出楼栋: a building's own topic, proposed, discussed and voted on by its residents alone.

const now = new Date('2026-11-26T09:00:00.000Z');
const resident = (subject: string): Caller => ({
  subject,
  roles: ['resident'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
});
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const spec = deciderSpec(topicDecider, { caller: resident('res-1'), now });
const building = { buildingId: 'b3', communityId: 'community-hexie', gridId: 'grid-hexie-01', residentIds: ['res-1', 'res-2'] };
const propose = {
  type: 'ProposeTopic' as const,
  data: {
    topicId: 't1',
    communityId: 'community-hexie',
    gridId: null,
    title: '楼道堆物',
    description: '清理三楼楼道',
    anonymous: false,
    building,
  },
};
const proposed: TopicEvent[] = [
  {
    type: 'TopicProposed',
    data: {
      topicId: 't1',
      communityId: 'community-hexie',
      gridId: 'grid-hexie-01',
      title: '楼道堆物',
      description: '清理三楼楼道',
      anonymous: false,
      proposerId: 'res-1',
    },
  },
  { type: 'TopicScopedToBuilding', data: { topicId: 't1', buildingId: 'b3' } },
];
const inDiscussion: TopicEvent[] = [
  ...proposed,
  { type: 'TopicScreened', data: { topicId: 't1', outcome: 'accepted', reason: null, mergedIntoTopicId: null } },
  { type: 'ConsultationOpened', data: { topicId: 't1', draftPlan: null } },
  { type: 'DiscussionOpened', data: { topicId: 't1', meetingAt: null } },
];
const openVoting = (scope: 'community' | 'building', scopeId: string) => ({
  type: 'OpenVoting' as const,
  data: {
    closesAt: '2026-11-30T09:00:00.000Z',
    options: [
      { optionId: 'yes', label: '同意' },
      { optionId: 'no', label: '反对' },
    ],
    eligibility: { scope, scopeId, roster: ['res-1', 'res-2'], verifiedOnly: true },
    verifiedResidents: ['res-1', 'res-2', 'res-3'],
    quorumPercent: 50,
    passThresholdPercent: 50,
  },
});

describe("a building's own topic (小事不出楼栋)", () => {
  it("is proposed by a resident of the building, in the building's grid", () => {
    const state = spec.given([]).when(propose).then(proposed);
    expect(state.status !== 'None' && state.buildingId).toBe('b3');
  });

  it('is refused to a resident of another building of the same grid', () => {
    spec
      .given([])
      .when(propose, { caller: resident('res-3') })
      .thenThrows('TOPIC.FORBIDDEN');
  });

  it("is voted on by the building alone: a community vote on it is refused, the building's roll is taken", () => {
    spec.given(inDiscussion).when(openVoting('community', 'community-hexie'), { caller: officer }).thenThrows('VOTING.BUILDING_TOPIC');
    spec.given(inDiscussion).when(openVoting('building', 'b9'), { caller: officer }).thenThrows('VOTING.BUILDING_TOPIC');
    spec
      .given(inDiscussion)
      .when(openVoting('building', 'b3'), { caller: officer })
      .then([
        { type: 'VotingRollRecorded', data: { topicId: 't1', scope: 'building', scopeId: 'b3', residentIds: ['res-1', 'res-2'], size: 2 } },
        expect.objectContaining({ type: 'VotingOpened', data: expect.objectContaining({ eligibleVoters: 2 }) }) as never,
      ]);
  });
});
