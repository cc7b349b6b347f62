import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { assertMayVote } from '../voting/ballot-rules';
import { topicDecider } from './topic.decider';
import type { TopicEvent } from './topic.events';

// 兴趣社团: an interest group's own topic, proposed, discussed and voted on by its members alone.

const now = new Date('2026-11-26T09:00:00.000Z');
const resident = (subject: string, gridId = 'grid-hexie-01'): Caller => ({
  subject,
  roles: ['resident'],
  scope: { communityId: 'community-hexie', gridId },
  verification: 'verified',
});
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const spec = deciderSpec(topicDecider, { caller: resident('res-1'), now });
const group = { groupId: 'g-taiji', communityId: 'community-hexie', name: '太极拳社', memberIds: ['res-1', 'res-2'] };
const propose = {
  type: 'ProposeTopic' as const,
  data: {
    topicId: 't1',
    communityId: 'community-hexie',
    gridId: 'grid-hexie-01',
    title: '晨练场地',
    description: '换到中心花园',
    anonymous: false,
    group,
  },
};
const proposed: TopicEvent[] = [
  {
    type: 'TopicProposed',
    data: {
      topicId: 't1',
      communityId: 'community-hexie',
      gridId: null,
      title: '晨练场地',
      description: '换到中心花园',
      anonymous: false,
      proposerId: 'res-1',
    },
  },
  { type: 'TopicScopedToGroup', data: { topicId: 't1', groupId: 'g-taiji', groupName: '太极拳社' } },
];
const inDiscussion: TopicEvent[] = [
  ...proposed,
  { type: 'TopicScreened', data: { topicId: 't1', outcome: 'accepted', reason: null, mergedIntoTopicId: null } },
  { type: 'ConsultationOpened', data: { topicId: 't1', draftPlan: null } },
  { type: 'DiscussionOpened', data: { topicId: 't1', meetingAt: null } },
];
const openVoting = (scope: 'community' | 'group', scopeId: string, roster: string[] | null = ['res-1', 'res-2']) => ({
  type: 'OpenVoting' as const,
  data: {
    closesAt: '2026-11-30T09:00:00.000Z',
    options: [
      { optionId: 'yes', label: '同意' },
      { optionId: 'no', label: '反对' },
    ],
    eligibility: { scope, scopeId, roster, verifiedOnly: true },
    verifiedResidents: ['res-1', 'res-2', 'res-3'],
    quorumPercent: 50,
    passThresholdPercent: 50,
  },
});

describe("an interest group's own topic (兴趣社团)", () => {
  describe('when proposed', () => {
    it('is proposed by a member, for the whole community of the group (no grid)', () => {
      const state = spec.given([]).when(propose).then(proposed);
      expect(state.status !== 'None' && state.groupId).toBe('g-taiji');
    });

    it('is refused to a resident of the community who has not joined, with a code that says so', () => {
      spec
        .given([])
        .when(propose, { caller: resident('res-3') })
        .thenThrows('GROUP.NOT_MEMBER', { groupId: 'g-taiji' });
    });
  });

  describe('when in discussion', () => {
    it("is voted on by the group alone: a community vote or another group's vote is refused", () => {
      spec
        .given(inDiscussion)
        .when(openVoting('community', 'community-hexie', null), { caller: officer })
        .thenThrows('VOTING.GROUP_TOPIC');
      spec.given(inDiscussion).when(openVoting('group', 'g-other'), { caller: officer }).thenThrows('VOTING.GROUP_TOPIC');
    });

    it('freezes the members on the roll when voting opens; a member who is no longer a verified resident is refused, not counted', () => {
      spec
        .given(inDiscussion)
        .when(openVoting('group', 'g-taiji'), { caller: officer })
        .then([
          {
            type: 'VotingRollRecorded',
            data: { topicId: 't1', scope: 'group', scopeId: 'g-taiji', residentIds: ['res-1', 'res-2'], size: 2 },
          },
          expect.objectContaining({ type: 'VotingOpened', data: expect.objectContaining({ eligibleVoters: 2 }) }) as never,
        ]);
      spec
        .given(inDiscussion)
        .when(openVoting('group', 'g-taiji', ['res-1', 'res-moved-away']), { caller: officer })
        .thenThrows('VOTING.ROSTER_INVALID');
    });
  });

  it('is never the scope of a vote on an ordinary topic: the officer cannot hand a community matter to a club', () => {
    const ordinary: TopicEvent[] = [
      { ...proposed[0], data: { ...(proposed[0].data as object), gridId: null } } as TopicEvent,
      ...inDiscussion.slice(2),
    ];
    spec.given(ordinary).when(openVoting('group', 'g-taiji'), { caller: officer }).thenThrows('VOTING.GROUP_TOPIC');
  });

  it('takes ballots from the frozen roll only: a resident who joins after voting opened is refused', () => {
    const fold = (events: readonly TopicEvent[]) => events.reduce(topicDecider.evolve, topicDecider.initialState());
    const discussing = fold(inDiscussion);
    const voting = fold([
      ...inDiscussion,
      ...topicDecider.decide(openVoting('group', 'g-taiji'), discussing, {
        caller: officer,
        now,
        actor: { id: 'officer-1', kind: 'user' },
      }),
    ]);
    expect(() => assertMayVote(voting, resident('res-2'), 'yes', now)).not.toThrow();
    expect(() => assertMayVote(voting, resident('res-3'), 'yes', now)).toThrow(expect.objectContaining({ code: 'BALLOT.NOT_ELIGIBLE' }));
  });
});
