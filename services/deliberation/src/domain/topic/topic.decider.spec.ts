import { DomainError, SYSTEM_ACTOR } from '@gongzhi/eventsourcing';
import type { Caller } from '../caller';
import type { TopicCommand } from './topic.commands';
import { topicDecider } from './topic.decider';
import type { TopicEvent } from './topic.events';

const now = new Date('2026-11-26T09:00:00.000Z');
const resident: Caller = { subject: 'resident-1', roles: ['resident'], scope: { communityId: 'community-hexie', gridId: 'grid-hexie-01' }, verification: 'verified' };
const officer: Caller = { subject: 'officer-1', roles: ['community_officer'], scope: { communityId: 'community-hexie' }, verification: 'verified' };
const otherOfficer: Caller = { ...officer, subject: 'officer-2', scope: { communityId: 'community-other' } };
const supervisor: Caller = { subject: 'supervisor-1', roles: ['supervisor'], scope: { cityId: 'city-shanghai', districtId: 'district-huangpu' }, verification: 'verified' };
const otherSupervisor: Caller = { ...supervisor, subject: 'supervisor-2', scope: { cityId: 'city-shanghai', districtId: 'district-jingan' } };
const deadline: Caller = { subject: 'deadline', roles: ['system'], scope: {}, verification: 'verified' };

function given(events: TopicEvent[]) {
  const state = events.reduce(topicDecider.evolve, topicDecider.initialState());
  const run = (command: TopicCommand, caller: Caller, at = now) => topicDecider.decide(command, state, { now: at, actor: SYSTEM_ACTOR, caller });
  return {
    when: (command: TopicCommand, caller: Caller, at?: Date) => ({
      then: (expected: TopicEvent[]) => expect(run(command, caller, at)).toEqual(expected),
      thenThrows: (code: string) => {
        try {
          run(command, caller, at);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          return;
        }
        throw new Error(`expected ${code}, nothing was thrown`);
      },
    }),
  };
}

const topicId = 't-1';
const proposed: TopicEvent = {
  type: 'TopicProposed',
  data: { topicId, communityId: 'community-hexie', gridId: null, title: '加装电梯', description: '3 号楼老人上下楼难', anonymous: false, proposerId: 'resident-1' },
};
const accepted: TopicEvent = { type: 'TopicScreened', data: { topicId, outcome: 'accepted', reason: null, mergedIntoTopicId: null } };
const consultation: TopicEvent = { type: 'ConsultationOpened', data: { topicId, draftPlan: '方案草案' } };
const discussion: TopicEvent = { type: 'DiscussionOpened', data: { topicId, meetingAt: '2026-11-28T10:00:00.000Z' } };
const closesAt = '2026-11-30T09:00:00.000Z';
const votingOpened: TopicEvent = {
  type: 'VotingOpened',
  data: {
    topicId,
    closesAt,
    options: [{ optionId: 'yes', label: '同意' }, { optionId: 'no', label: '反对' }, { optionId: 'abstain', label: '弃权' }],
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
    eligibleVoters: 10,
    quorumPercent: 50,
    passThresholdPercent: 60,
    ...overrides,
  } as never,
});
const afterClose = new Date('2026-11-30T09:00:00.000Z');

describe('topic decider', () => {
  describe('when nothing exists', () => {
    it('lets a resident propose in their own community', () =>
      given([]).when({ type: 'ProposeTopic', data: { ...proposed.data, anonymous: false } as never }, resident).then([proposed]));

    it('keeps an anonymous proposer out of the event', () =>
      given([])
        .when({ type: 'ProposeTopic', data: { topicId, communityId: 'community-hexie', gridId: null, title: 't', description: 'd', anonymous: true } }, resident)
        .then([{ type: 'TopicProposed', data: { topicId, communityId: 'community-hexie', gridId: null, title: 't', description: 'd', anonymous: true, proposerId: null } }]));

    it('refuses a proposal in another community', () =>
      given([])
        .when({ type: 'ProposeTopic', data: { topicId, communityId: 'community-other', gridId: null, title: 't', description: 'd', anonymous: false } }, resident)
        .thenThrows('TOPIC.FORBIDDEN'));
  });

  describe('when proposed', () => {
    it('refuses a rejection without a written reason', () =>
      given([proposed]).when({ type: 'ScreenTopic', data: { outcome: 'rejected', reason: '  ', mergedIntoTopicId: null } }, officer).thenThrows('TOPIC.REASON_REQUIRED'));

    it('rejects with a reason', () =>
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'rejected', reason: '属于物业职责', mergedIntoTopicId: null } }, officer)
        .then([{ type: 'TopicScreened', data: { topicId, outcome: 'rejected', reason: '属于物业职责', mergedIntoTopicId: null } }]));

    it('merges into another topic', () =>
      given([proposed])
        .when({ type: 'ScreenTopic', data: { outcome: 'merged', reason: null, mergedIntoTopicId: 't-0' } }, officer)
        .then([{ type: 'TopicScreened', data: { topicId, outcome: 'merged', reason: null, mergedIntoTopicId: 't-0' } }]));

    it("refuses an officer of another community and a resident", () => {
      given([proposed]).when({ type: 'ScreenTopic', data: { outcome: 'accepted', reason: null, mergedIntoTopicId: null } }, otherOfficer).thenThrows('TOPIC.FORBIDDEN');
      given([proposed]).when({ type: 'ScreenTopic', data: { outcome: 'accepted', reason: null, mergedIntoTopicId: null } }, resident).thenThrows('TOPIC.FORBIDDEN');
    });

    it('cannot skip to voting', () => given([proposed]).when(openVoting(), officer).thenThrows('TOPIC.WRONG_STAGE'));
  });

  describe('when in discussion', () => {
    const history = [proposed, accepted, consultation, discussion];

    it('records each attendee once', () =>
      given([...history, { type: 'MeetingAttended', data: { topicId, meetingId: `${topicId}-meeting`, residentId: 'r-1', participation: 'in_person' } }])
        .when({ type: 'RecordAttendance', data: { residentIds: ['r-1', 'r-2', 'r-2'], participation: 'in_person' } }, officer)
        .then([{ type: 'MeetingAttended', data: { topicId, meetingId: `${topicId}-meeting`, residentId: 'r-2', participation: 'in_person' } }]));

    it('opens voting for 3 to 7 days', () => given(history).when(openVoting(), officer).then([votingOpened]));

    it('refuses a window shorter than 3 days or longer than 7', () => {
      given(history).when(openVoting({ closesAt: '2026-11-28T09:00:00.000Z' }), officer).thenThrows('VOTING.WINDOW_OUT_OF_RANGE');
      given(history).when(openVoting({ closesAt: '2026-12-04T09:00:00.000Z' }), officer).thenThrows('VOTING.WINDOW_OUT_OF_RANGE');
    });

    it('needs a roster for a building vote and counts it as the electorate', () => {
      given(history).when(openVoting({ eligibility: { scope: 'building', scopeId: 'b-3', roster: null, verifiedOnly: true } }), officer).thenThrows('VOTING.SCOPE_INVALID');
      const [event] = topicDecider.decide(openVoting({ eligibility: { scope: 'building', scopeId: 'b-3', roster: ['a', 'b', 'a'], verifiedOnly: true } }), history.reduce(topicDecider.evolve, topicDecider.initialState()), { now, actor: SYSTEM_ACTOR, caller: officer });
      expect(event.data).toMatchObject({ eligibleVoters: 2, eligibility: { roster: ['a', 'b'] } });
    });
  });

  describe('when voting', () => {
    const history = [proposed, accepted, consultation, discussion, votingOpened];

    it('closes only by the deadline, and only when due', () => {
      given(history).when({ type: 'CloseVoting', data: { counts: {} } }, officer).thenThrows('TOPIC.FORBIDDEN');
      given(history).when({ type: 'CloseVoting', data: { counts: {} } }, deadline).thenThrows('VOTING.NOT_DUE');
    });

    it('publishes the tally with turnout, quorum and threshold', () =>
      given(history)
        .when({ type: 'CloseVoting', data: { counts: { yes: 4, no: 2, abstain: 1 } } }, deadline, afterClose)
        .then([
          {
            type: 'VotingClosed',
            data: {
              topicId,
              tally: [{ optionId: 'yes', votes: 4 }, { optionId: 'no', votes: 2 }, { optionId: 'abstain', votes: 1 }],
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
        topicDecider.decide({ type: 'CloseVoting', data: { counts: { yes: 4, no: 2 }, assistedBallots: 2 } }, history.reduce(topicDecider.evolve, topicDecider.initialState()), { now: afterClose, actor: SYSTEM_ACTOR, caller: deadline })[0].data,
      ).toMatchObject({ ballotsCast: 6, assistedBallots: 2 }));

    it('fails without quorum', () => {
      const [closed] = topicDecider.decide({ type: 'CloseVoting', data: { counts: { yes: 4 } } }, history.reduce(topicDecider.evolve, topicDecider.initialState()), { now: afterClose, actor: SYSTEM_ACTOR, caller: deadline });
      expect(closed.data).toMatchObject({ quorumMet: false, passed: false, turnoutPercent: 40 });
    });
  });

  describe('when voting closed', () => {
    const passed: TopicEvent = {
      type: 'VotingClosed',
      data: { topicId, tally: [], ballotsCast: 7, eligibleVoters: 10, turnoutPercent: 70, quorumMet: true, passed: true, winningOptionId: 'yes', assistedBallots: 0 },
    };
    const failed: TopicEvent = { ...passed, data: { ...passed.data, passed: false, winningOptionId: 'no' } } as TopicEvent;
    const history = [proposed, accepted, consultation, discussion, votingOpened];

    it('adopts with reasons and credits the proposer', () =>
      given([...history, passed])
        .when({ type: 'DecideTopic', data: { result: 'adopted', reasons: '七成居民同意', responsibleDepartmentIds: ['dept-zhujian'] } }, officer)
        .then([
          { type: 'TopicDecided', data: { topicId, result: 'adopted', chosenOptionId: 'yes', reasons: '七成居民同意' } },
          { type: 'SuggestionAdopted', data: { topicId, title: '加装电梯', responsibleDepartmentIds: ['dept-zhujian'], anonymous: false, residentId: 'resident-1' } },
        ]));

    it('cannot adopt what the vote rejected', () =>
      given([...history, failed]).when({ type: 'DecideTopic', data: { result: 'adopted', reasons: 'x', responsibleDepartmentIds: [] } }, officer).thenThrows('TOPIC.VOTE_NOT_PASSED'));
  });

  describe('when decided', () => {
    const decided: TopicEvent[] = [
      proposed, accepted, consultation, discussion, votingOpened,
      { type: 'VotingClosed', data: { topicId, tally: [], ballotsCast: 7, eligibleVoters: 10, turnoutPercent: 70, quorumMet: true, passed: true, winningOptionId: 'yes', assistedBallots: 0 } },
      { type: 'TopicDecided', data: { topicId, result: 'adopted', chosenOptionId: 'yes', reasons: 'r' } },
    ];
    const progress = (percent: number): TopicEvent => ({ type: 'ImplementationProgressReported', data: { topicId, percent, note: 'n', photoIds: ['p-1'], supervisorId: 'supervisor-1' } });

    it('lets a supervisor post progress, never backwards, then complete; residents evaluate once', () => {
      given(decided).when({ type: 'ReportProgress', data: { percent: 40, note: 'n', photoIds: ['p-1'] } }, supervisor).then([progress(40)]);
      given(decided).when({ type: 'ReportProgress', data: { percent: 40, note: 'n', photoIds: ['p-1'] } }, otherSupervisor).thenThrows('TOPIC.FORBIDDEN');
      given(decided).when({ type: 'ReportProgress', data: { percent: 40, note: 'n', photoIds: [] } }, resident).thenThrows('TOPIC.FORBIDDEN');
      given([...decided, progress(60)]).when({ type: 'ReportProgress', data: { percent: 50, note: 'n', photoIds: [] } }, supervisor).thenThrows('TOPIC.PROGRESS_BACKWARDS');
      const completed: TopicEvent = { type: 'TopicCompleted', data: { topicId, summary: '电梯已运行', afterPhotoIds: [] } };
      given([...decided, progress(60)]).when({ type: 'CompleteTopic', data: { summary: '电梯已运行', afterPhotoIds: [] } }, supervisor).then([completed]);
      const evaluated: TopicEvent = { type: 'TopicEvaluated', data: { topicId, residentId: 'resident-1', score: 5, comment: null } };
      given([...decided, progress(60), completed]).when({ type: 'EvaluateTopic', data: { score: 5, comment: null } }, resident).then([evaluated]);
      given([...decided, progress(60), completed, evaluated]).when({ type: 'EvaluateTopic', data: { score: 4, comment: null } }, resident).thenThrows('TOPIC.ALREADY_EVALUATED');
    });
  });
});
