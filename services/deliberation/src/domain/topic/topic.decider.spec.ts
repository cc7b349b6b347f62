import { SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import type { Caller } from '../caller';
import { assertMayVote } from '../voting/ballot-rules';
import type { TopicCommand } from './topic.commands';
import { topicDecider } from './topic.decider';
import type { TopicEvent } from './topic.events';

const now = new Date('2026-11-26T09:00:00.000Z');
const resident: Caller = {
  subject: 'resident-1',
  roles: ['resident'],
  scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' },
  verification: 'verified',
};
const officer: Caller = {
  subject: 'officer-1',
  roles: ['community_officer'],
  scope: { communityId: 'community-hexie' },
  verification: 'verified',
};
const otherOfficer: Caller = { ...officer, subject: 'officer-2', scope: { communityId: 'community-other' } };
const supervisor: Caller = {
  subject: 'supervisor-1',
  roles: ['supervisor'],
  scope: { cityId: 'city-shanghai', districtId: 'district-huangpu' },
  verification: 'verified',
};
const otherSupervisor: Caller = {
  ...supervisor,
  subject: 'supervisor-2',
  scope: { cityId: 'city-shanghai', districtId: 'district-jingan' },
};
const deadline: Caller = { subject: 'deadline', roles: ['system'], scope: {}, verification: 'verified' };

/** The steps of the shared spec, answering nothing: a test that is one expression returns no value to jest. */
const voidOf = (decision: { then(expected: readonly TopicEvent[]): unknown; thenThrows(code: string): unknown }) => ({
  then: (expected: readonly TopicEvent[]): void => void decision.then(expected),
  thenThrows: (code: string): void => void decision.thenThrows(code),
});
const spec = deciderSpec(topicDecider, { actor: SYSTEM_ACTOR, caller: officer, now });

/** Every step names who takes it, and some when: the deadline's turn comes after the close. */
const given = (events: TopicEvent[]) => ({
  when: (command: TopicCommand, caller: Caller, at = now) => voidOf(spec.given(events).when(command, { caller, now: at })),
});

const topicId = 't-1';
const proposed: TopicEvent = {
  type: 'TopicProposed',
  data: {
    topicId,
    communityId: 'community-hexie',
    gridId: null,
    title: '加装电梯',
    description: '3 号楼老人上下楼难',
    anonymous: false,
    proposerId: 'resident-1',
  },
};
const accepted: TopicEvent = { type: 'TopicScreened', data: { topicId, outcome: 'accepted', reason: null, mergedIntoTopicId: null } };
const consultation: TopicEvent = { type: 'ConsultationOpened', data: { topicId, draftPlan: '方案草案' } };
const discussion: TopicEvent = { type: 'DiscussionOpened', data: { topicId, meetingAt: '2026-11-28T10:00:00.000Z' } };
const closesAt = '2026-11-30T09:00:00.000Z';
/** The verified residents of community-hexie when voting opens, as the register answers. */
const verifiedResidents = Array.from({ length: 10 }, (_, n) => `resident-${n + 1}`);
const rollRecorded: TopicEvent = {
  type: 'VotingRollRecorded',
  data: { topicId, scope: 'community', scopeId: 'community-hexie', residentIds: [...verifiedResidents].sort(), size: 10 },
};
const votingOpened: TopicEvent = {
  type: 'VotingOpened',
  data: {
    topicId,
    closesAt,
    options: [
      { optionId: 'yes', label: '同意' },
      { optionId: 'no', label: '反对' },
      { optionId: 'abstain', label: '弃权' },
    ],
    eligibility: { scope: 'community', scopeId: 'community-hexie', roster: null, verifiedOnly: true },
    eligibleVoters: 10,
    quorumPercent: 50,
    passThresholdPercent: 60,
  },
};
const openVoting = (overrides: Partial<Extract<TopicCommand, { type: 'OpenVoting' }>['data']> = {}): TopicCommand => ({
  type: 'OpenVoting',
  data: {
    closesAt,
    options: votingOpened.data.options,
    eligibility: { scope: 'community', scopeId: 'community-hexie', roster: null, verifiedOnly: true },
    verifiedResidents,
    quorumPercent: 50,
    passThresholdPercent: 60,
    ...overrides,
  } as never,
});
const afterClose = new Date('2026-11-30T09:00:00.000Z');

describe('topic decider', () => {
  describe('when nothing exists', () => {
    it('lets a resident propose in their own community', () =>
      given([])
        .when({ type: 'ProposeTopic', data: { ...proposed.data, anonymous: false } as never }, resident)
        .then([proposed]));

    it('keeps an anonymous proposer out of the event', () =>
      given([])
        .when(
          {
            type: 'ProposeTopic',
            data: { topicId, communityId: 'community-hexie', gridId: null, title: 't', description: 'd', anonymous: true },
          },
          resident,
        )
        .then([
          {
            type: 'TopicProposed',
            data: {
              topicId,
              communityId: 'community-hexie',
              gridId: null,
              title: 't',
              description: 'd',
              anonymous: true,
              proposerId: null,
            },
          },
        ]));

    it('refuses a proposal in another community', () =>
      given([])
        .when(
          {
            type: 'ProposeTopic',
            data: { topicId, communityId: 'community-other', gridId: null, title: 't', description: 'd', anonymous: false },
          },
          resident,
        )
        .thenThrows('TOPIC.FORBIDDEN'));
  });

  describe('when proposed', () => {
    it('refuses a rejection without a written reason', () =>
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'rejected', reason: '  ', mergedIntoTopicId: null } }, officer)
        .thenThrows('TOPIC.REASON_REQUIRED'));

    it('rejects with a reason', () =>
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'rejected', reason: '属于物业职责', mergedIntoTopicId: null } }, officer)
        .then([{ type: 'TopicScreened', data: { topicId, outcome: 'rejected', reason: '属于物业职责', mergedIntoTopicId: null } }]));

    it('merges into another topic', () =>
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'merged', reason: null, mergedIntoTopicId: 't-0' } }, officer)
        .then([{ type: 'TopicScreened', data: { topicId, outcome: 'merged', reason: null, mergedIntoTopicId: 't-0' } }]));

    it('refuses an officer of another community and a resident', () => {
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'accepted', reason: null, mergedIntoTopicId: null } }, otherOfficer)
        .thenThrows('TOPIC.FORBIDDEN');
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'accepted', reason: null, mergedIntoTopicId: null } }, resident)
        .thenThrows('TOPIC.FORBIDDEN');
    });

    it('cannot skip to voting', () => given([proposed]).when(openVoting(), officer).thenThrows('TOPIC.WRONG_STAGE'));
  });

  describe('when in discussion', () => {
    const history = [proposed, accepted, consultation, discussion];

    it('records each attendee once', () =>
      given([
        ...history,
        { type: 'MeetingAttended', data: { topicId, meetingId: `${topicId}-meeting`, residentId: 'r-1', participation: 'in_person' } },
      ])
        .when({ type: 'RecordAttendance', data: { residentIds: ['r-1', 'r-2', 'r-2'], participation: 'in_person' } }, officer)
        .then([
          { type: 'MeetingAttended', data: { topicId, meetingId: `${topicId}-meeting`, residentId: 'r-2', participation: 'in_person' } },
        ]));

    it('opens voting for 3 to 7 days, recording every verified resident of the scope as the roll', () =>
      given(history).when(openVoting(), officer).then([rollRecorded, votingOpened]));
    it('counts the roll, never a number: each verified resident once', () =>
      given(history)
        .when(openVoting({ verifiedResidents: [...verifiedResidents, 'resident-1'] }), officer)
        .then([rollRecorded, votingOpened]));
    it('refuses a vote nobody could cast', () =>
      given(history)
        .when(openVoting({ verifiedResidents: [] }), officer)
        .thenThrows('VOTING.ROLL_EMPTY'));
    const gridTopic = [
      { ...proposed, data: { ...proposed.data, gridId: 'grid-hexie-01' } } as TopicEvent,
      accepted,
      consultation,
      discussion,
    ];
    it("refuses a scope narrower than the topic's: a community's topic is not voted by one grid or one building", () => {
      given(history)
        .when(openVoting({ eligibility: { scope: 'grid', scopeId: 'grid-hexie-01', roster: null, verifiedOnly: true } }), officer)
        .thenThrows('VOTING.SCOPE_INVALID');
      given(history)
        .when(openVoting({ eligibility: { scope: 'building', scopeId: 'b-3', roster: ['resident-1'], verifiedOnly: true } }), officer)
        .thenThrows('VOTING.SCOPE_INVALID');
      given(gridTopic)
        .when(openVoting({ eligibility: { scope: 'grid', scopeId: 'grid-hexie-02', roster: null, verifiedOnly: true } }), officer)
        .thenThrows('VOTING.SCOPE_INVALID');
    });
    it("takes a grid vote on a grid's topic from the verified residents of the grid", () => {
      const [roll, opened] = topicDecider.decide(
        openVoting({
          eligibility: { scope: 'grid', scopeId: 'grid-hexie-01', roster: null, verifiedOnly: true },
          verifiedResidents: ['resident-2', 'resident-1'],
        }),
        gridTopic.reduce(topicDecider.evolve, topicDecider.initialState()),
        { now, actor: SYSTEM_ACTOR, caller: officer },
      );
      expect(roll.data).toEqual({ topicId, scope: 'grid', scopeId: 'grid-hexie-01', residentIds: ['resident-1', 'resident-2'], size: 2 });
      expect(opened.data).toMatchObject({ eligibleVoters: 2 });
    });

    it('refuses a window shorter than 3 days or longer than 7', () => {
      given(history)
        .when(openVoting({ closesAt: '2026-11-28T09:00:00.000Z' }), officer)
        .thenThrows('VOTING.WINDOW_OUT_OF_RANGE');
      given(history)
        .when(openVoting({ closesAt: '2026-12-04T09:00:00.000Z' }), officer)
        .thenThrows('VOTING.WINDOW_OUT_OF_RANGE');
    });

    it("needs a roster for a building vote, of verified residents of the topic's grid only, and counts it as the roll", () => {
      given(gridTopic)
        .when(openVoting({ eligibility: { scope: 'building', scopeId: 'b-3', roster: null, verifiedOnly: true } }), officer)
        .thenThrows('VOTING.SCOPE_INVALID');
      const building = (roster: string[]) => openVoting({ eligibility: { scope: 'building', scopeId: 'b-3', roster, verifiedOnly: true } });
      const [roll, opened] = topicDecider.decide(
        building(['resident-2', 'resident-1', 'resident-2']),
        gridTopic.reduce(topicDecider.evolve, topicDecider.initialState()),
        {
          now,
          actor: SYSTEM_ACTOR,
          caller: officer,
        },
      );
      expect(roll.data).toMatchObject({ scope: 'building', residentIds: ['resident-1', 'resident-2'], size: 2 });
      expect(opened.data).toMatchObject({ eligibleVoters: 2, eligibility: { roster: ['resident-1', 'resident-2'] } });
      // A made-up or unverified name on the roster is refused, not counted.
      given(gridTopic)
        .when(building(['resident-1', 'made-up-9']), officer)
        .thenThrows('VOTING.ROSTER_INVALID');
    });
  });

  describe('when voting', () => {
    const history = [proposed, accepted, consultation, discussion, rollRecorded, votingOpened];
    const voting = history.reduce(topicDecider.evolve, topicDecider.initialState());
    it('lets a resident on the roll vote, and refuses a verified resident of the community who is not on it', () => {
      expect(() => assertMayVote(voting, resident, 'yes', now)).not.toThrow();
      expect(() => assertMayVote(voting, { ...resident, subject: 'resident-11' }, 'yes', now)).toThrow(
        expect.objectContaining({ code: 'BALLOT.NOT_ELIGIBLE' }),
      );
    });
    it('counts turnout against the roll: 3 ballots of 10 on the roll miss a 50% quorum', () => {
      const [closed] = topicDecider.decide({ type: 'CloseVoting', data: { counts: { yes: 3 } } }, voting, {
        now: afterClose,
        actor: SYSTEM_ACTOR,
        caller: deadline,
      });
      expect(closed.data).toMatchObject({ ballotsCast: 3, eligibleVoters: 10, turnoutPercent: 30, quorumMet: false, passed: false });
    });
    it('never caps turnout at 100%: an electorate smaller than its ballots shows', () => {
      const tooSmall = { ...votingOpened, data: { ...votingOpened.data, eligibleVoters: 2 } } as TopicEvent;
      const state = [proposed, accepted, consultation, discussion, tooSmall].reduce(topicDecider.evolve, topicDecider.initialState());
      const [closed] = topicDecider.decide({ type: 'CloseVoting', data: { counts: { yes: 3 } } }, state, {
        now: afterClose,
        actor: SYSTEM_ACTOR,
        caller: deadline,
      });
      expect(closed.data).toMatchObject({ turnoutPercent: 150 });
    });

    it('closes only by the deadline, and only when due', () => {
      given(history)
        .when({ type: 'CloseVoting', data: { counts: {} } }, officer)
        .thenThrows('TOPIC.FORBIDDEN');
      given(history)
        .when({ type: 'CloseVoting', data: { counts: {} } }, deadline)
        .thenThrows('VOTING.NOT_DUE');
    });

    it('publishes the tally with turnout, quorum and threshold', () =>
      given(history)
        .when({ type: 'CloseVoting', data: { counts: { yes: 4, no: 2, abstain: 1 } } }, deadline, afterClose)
        .then([
          {
            type: 'VotingClosed',
            data: {
              topicId,
              tally: [
                { optionId: 'yes', votes: 4 },
                { optionId: 'no', votes: 2 },
                { optionId: 'abstain', votes: 1 },
              ],
              ballotsCast: 7,
              eligibleVoters: 10,
              turnoutPercent: 70,
              quorumMet: true,
              passed: true,
              winningOptionId: 'yes',
              assistedBallots: 0,
            },
          },
        ]));

    it('reports how many ballots were assisted, as a count only', () =>
      expect(
        topicDecider.decide(
          { type: 'CloseVoting', data: { counts: { yes: 4, no: 2 }, assistedBallots: 2 } },
          history.reduce(topicDecider.evolve, topicDecider.initialState()),
          { now: afterClose, actor: SYSTEM_ACTOR, caller: deadline },
        )[0].data,
      ).toMatchObject({ ballotsCast: 6, assistedBallots: 2 }));

    it('fails without quorum', () => {
      const [closed] = topicDecider.decide(
        { type: 'CloseVoting', data: { counts: { yes: 4 } } },
        history.reduce(topicDecider.evolve, topicDecider.initialState()),
        { now: afterClose, actor: SYSTEM_ACTOR, caller: deadline },
      );
      expect(closed.data).toMatchObject({ quorumMet: false, passed: false, turnoutPercent: 40 });
    });
  });

  describe('when voting closed', () => {
    const passed: TopicEvent = {
      type: 'VotingClosed',
      data: {
        topicId,
        tally: [],
        ballotsCast: 7,
        eligibleVoters: 10,
        turnoutPercent: 70,
        quorumMet: true,
        passed: true,
        winningOptionId: 'yes',
        assistedBallots: 0,
      },
    };
    const failed: TopicEvent = { ...passed, data: { ...passed.data, passed: false, winningOptionId: 'no' } } as TopicEvent;
    const history = [proposed, accepted, consultation, discussion, votingOpened];

    it('adopts with reasons and credits the proposer', () =>
      given([...history, passed])
        .when(
          { type: 'DecideTopic', data: { result: 'adopted', reasons: '七成居民同意', responsibleDepartmentIds: ['dept-zhujian'] } },
          officer,
        )
        .then([
          { type: 'TopicDecided', data: { topicId, result: 'adopted', chosenOptionId: 'yes', reasons: '七成居民同意' } },
          {
            type: 'SuggestionAdopted',
            data: { topicId, title: '加装电梯', responsibleDepartmentIds: ['dept-zhujian'], anonymous: false, residentId: 'resident-1' },
          },
        ]));

    it('cannot adopt what the vote rejected', () =>
      given([...history, failed])
        .when({ type: 'DecideTopic', data: { result: 'adopted', reasons: 'x', responsibleDepartmentIds: [] } }, officer)
        .thenThrows('TOPIC.VOTE_NOT_PASSED'));
  });

  describe('when decided', () => {
    const decided: TopicEvent[] = [
      proposed,
      accepted,
      consultation,
      discussion,
      votingOpened,
      {
        type: 'VotingClosed',
        data: {
          topicId,
          tally: [],
          ballotsCast: 7,
          eligibleVoters: 10,
          turnoutPercent: 70,
          quorumMet: true,
          passed: true,
          winningOptionId: 'yes',
          assistedBallots: 0,
        },
      },
      { type: 'TopicDecided', data: { topicId, result: 'adopted', chosenOptionId: 'yes', reasons: 'r' } },
    ];
    const progress = (percent: number): TopicEvent => ({
      type: 'ImplementationProgressReported',
      data: { topicId, percent, note: 'n', photoIds: ['p-1'], supervisorId: 'supervisor-1' },
    });

    it('lets a supervisor post progress, never backwards, then complete; residents evaluate once', () => {
      given(decided)
        .when({ type: 'ReportProgress', data: { percent: 40, note: 'n', photoIds: ['p-1'] } }, supervisor)
        .then([progress(40)]);
      given(decided)
        .when({ type: 'ReportProgress', data: { percent: 40, note: 'n', photoIds: ['p-1'] } }, otherSupervisor)
        .thenThrows('TOPIC.FORBIDDEN');
      given(decided)
        .when({ type: 'ReportProgress', data: { percent: 40, note: 'n', photoIds: [] } }, resident)
        .thenThrows('TOPIC.FORBIDDEN');
      given([...decided, progress(60)])
        .when({ type: 'ReportProgress', data: { percent: 50, note: 'n', photoIds: [] } }, supervisor)
        .thenThrows('TOPIC.PROGRESS_BACKWARDS');
      const completed: TopicEvent = { type: 'TopicCompleted', data: { topicId, summary: '电梯已运行', afterPhotoIds: [] } };
      given([...decided, progress(60)])
        .when({ type: 'CompleteTopic', data: { summary: '电梯已运行', afterPhotoIds: [] } }, supervisor)
        .then([completed]);
      const evaluated: TopicEvent = { type: 'TopicEvaluated', data: { topicId, residentId: 'resident-1', score: 5, comment: null } };
      given([...decided, progress(60), completed])
        .when({ type: 'EvaluateTopic', data: { score: 5, comment: null } }, resident)
        .then([evaluated]);
      given([...decided, progress(60), completed, evaluated])
        .when({ type: 'EvaluateTopic', data: { score: 4, comment: null } }, resident)
        .thenThrows('TOPIC.ALREADY_EVALUATED');
    });
  });
});
