import { fold } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import { contestDecider } from './contest.decider';
import type { ContestEvent, ContestOpenedData } from './contest.events';
import type { RunningContest } from './contest.state';
import { standingsOf } from './contest.standings';

const DURING = new Date('2026-12-10T02:00:00.000Z');
const AFTER = new Date('2027-01-01T00:00:00.000Z');
const spec = deciderSpec(contestDecider, { now: DURING, actor: { id: 'officer', kind: 'user' } });

const opened = (overrides: Partial<ContestOpenedData>): ContestEvent => ({
  type: 'ContestOpened',
  data: {
    contestId: 'c1',
    kind: 'idea',
    title: '十二月金点子',
    communityId: 'community-hexie',
    startsAt: '2026-11-30T16:00:00.000Z',
    endsAt: '2026-12-31T16:00:00.000Z',
    prizePoints: 50,
    winners: 1,
    teamPrizePoints: 0,
    teams: [],
    buildings: [],
    openedBy: 'officer',
    ...overrides,
  },
});
const idea = opened({});
const submitted = (entryId: string, residentId: string): ContestEvent => ({
  type: 'IdeaSubmitted',
  data: { contestId: 'c1', entryId, residentId, title: `idea ${entryId}`, description: '在楼下加装休息座椅' },
});
const voted = (entryId: string, residentId: string): ContestEvent => ({
  type: 'IdeaVoteCast',
  data: { contestId: 'c1', entryId, residentId },
});
const close = { type: 'CloseContest' as const, data: { contestId: 'c1', closedBy: 'officer' } };

const building = opened({
  kind: 'building',
  title: '最美楼栋',
  buildings: [
    { buildingId: 'b3', name: '3号楼', residentIds: ['wang', 'li'] },
    { buildingId: 'b5', name: '5号楼', residentIds: ['zhao'] },
  ],
});
const act = (sourceEventId: string, residentId: string, at = DURING.toISOString()) => ({
  type: 'CountContestActivity' as const,
  data: { contestId: 'c1', sourceEventId, at, residentId, measure: 'participation' as const, amount: 1 },
});

const volunteer = opened({
  kind: 'volunteer',
  title: '志愿服务月',
  winners: 1,
  prizePoints: 30,
  teamPrizePoints: 20,
  teams: [
    { teamId: 't1', name: '红马甲队' },
    { teamId: 't2', name: '银发队' },
  ],
});
const joined = (teamId: string, residentId: string): ContestEvent => ({
  type: 'ContestTeamJoined',
  data: { contestId: 'c1', teamId, residentId },
});
const hours = (sourceEventId: string, residentId: string, amount: number, subjectId: string): ContestEvent => ({
  type: 'ContestActivityCounted',
  data: { contestId: 'c1', sourceEventId, residentId, measure: 'volunteer_hours', amount, subjectId },
});

describe('contest decider', () => {
  describe('when not opened', () => {
    it('opens an idea contest for a period', () => {
      spec
        .given([])
        .when({ type: 'OpenContest', data: idea.data as ContestOpenedData })
        .then([idea]);
    });
    it('refuses a period that ends before it starts', () => {
      spec
        .given([])
        .when({ type: 'OpenContest', data: { ...(idea.data as ContestOpenedData), endsAt: '2026-11-01T00:00:00.000Z' } })
        .thenThrows('CONTEST.INVALID_PERIOD', { field: 'endsAt' });
    });
    it('refuses a 最美楼栋 with fewer than two buildings to compare', () => {
      spec
        .given([])
        .when({ type: 'OpenContest', data: { ...(building.data as ContestOpenedData), buildings: [] } })
        .thenThrows('CONTEST.TOO_FEW_BUILDINGS');
    });
    it('knows no contest to enter', () => {
      spec
        .given([])
        .when({ type: 'VoteForIdea', data: { contestId: 'c1', entryId: 'e', residentId: 'r' } })
        .thenThrows('CONTEST.NOT_FOUND');
    });
  });

  describe('when an idea contest runs', () => {
    it('takes an idea and a vote for it', () => {
      spec
        .given([idea])
        .when({
          type: 'SubmitIdea',
          data: { contestId: 'c1', entryId: 'e1', residentId: 'wang', title: 'idea e1', description: '在楼下加装休息座椅' },
        })
        .then([submitted('e1', 'wang')]);
      spec
        .given([idea, submitted('e1', 'wang')])
        .when({ type: 'VoteForIdea', data: { contestId: 'c1', entryId: 'e1', residentId: 'li' } })
        .then([voted('e1', 'li')]);
    });
    it('refuses a second vote, a vote for oneself and a made-up idea', () => {
      const given = spec.given([idea, submitted('e1', 'wang'), submitted('e2', 'zhao'), voted('e1', 'li')]);
      given.when({ type: 'VoteForIdea', data: { contestId: 'c1', entryId: 'e2', residentId: 'li' } }).thenThrows('CONTEST.ALREADY_VOTED');
      given.when({ type: 'VoteForIdea', data: { contestId: 'c1', entryId: 'e1', residentId: 'wang' } }).thenThrows('CONTEST.OWN_ENTRY');
      given
        .when({ type: 'VoteForIdea', data: { contestId: 'c1', entryId: 'made-up', residentId: 'sun' } })
        .thenThrows('CONTEST.ENTRY_NOT_FOUND');
    });
    it('takes no idea after the end', () => {
      spec
        .given([idea])
        .when(
          { type: 'SubmitIdea', data: { contestId: 'c1', entryId: 'e1', residentId: 'wang', title: 't', description: 'd' } },
          { now: AFTER },
        )
        .thenThrows('CONTEST.NOT_RUNNING');
    });
    it('does not close before the end', () => {
      spec.given([idea]).when(close).thenThrows('CONTEST.NOT_ENDED');
    });
    it('closes after the end: the idea with most votes wins, a tie goes to the earlier idea', () => {
      spec
        .given([idea, submitted('e1', 'wang'), submitted('e2', 'zhao'), voted('e2', 'li'), voted('e1', 'sun')])
        .when(close, { now: AFTER })
        .then([
          {
            type: 'ContestClosed',
            data: {
              contestId: 'c1',
              standings: [
                { rank: 1, kind: 'idea', subjectId: 'e1', label: 'idea e1', score: 1 },
                { rank: 2, kind: 'idea', subjectId: 'e2', label: 'idea e2', score: 1 },
              ],
              prizes: [{ residentId: 'wang', points: 50, reasons: ['十二月金点子：金点子第1名「idea e1」'] }],
              closedBy: 'officer',
            },
          },
        ]);
    });
  });

  describe('when closed', () => {
    it('refuses a second close, so the prizes are given once', () => {
      const closed = contestDecider.decide(close, fold(contestDecider, [idea, submitted('e1', 'wang'), voted('e1', 'li')]), {
        now: AFTER,
        actor: { id: 'officer', kind: 'user' },
      });
      spec
        .given([idea, submitted('e1', 'wang'), voted('e1', 'li'), ...closed])
        .when(close, { now: AFTER })
        .thenThrows('CONTEST.ALREADY_CLOSED');
    });
  });

  describe('when a 最美楼栋 runs', () => {
    it('counts an act of a resident on the roll once, and nothing of anyone else or outside the period', () => {
      const state = spec
        .given([building])
        .when(act('ev1', 'wang'))
        .then([
          {
            type: 'ContestActivityCounted',
            data: { contestId: 'c1', sourceEventId: 'ev1', residentId: 'wang', measure: 'participation', amount: 1, subjectId: 'b3' },
          },
        ]);
      expect(contestDecider.decide(act('ev1', 'wang'), state, { now: DURING, actor: { id: 'p', kind: 'service' } })).toEqual([]);
      spec.given([building]).when(act('ev2', 'stranger')).then([]);
      spec
        .given([building])
        .when(act('ev3', 'wang', '2026-11-20T00:00:00.000Z'))
        .then([]);
    });
    it('refuses a rating of a building outside the contest', () => {
      spec
        .given([building])
        .when({ type: 'RateBuildingCleanliness', data: { contestId: 'c1', buildingId: 'b9', score: 5, ratedBy: 'officer' } })
        .thenThrows('CONTEST.BUILDING_NOT_FOUND', { field: 'buildingId' });
    });
    it('rewards every resident of the winning building once', () => {
      const rated = (buildingId: string, score: number): ContestEvent => ({
        type: 'BuildingCleanlinessRated',
        data: { contestId: 'c1', buildingId, score, ratedBy: 'officer' },
      });
      const state = fold(contestDecider, [building, rated('b3', 5), rated('b5', 3)]) as RunningContest;
      expect(standingsOf(state).map((s) => [s.label, s.score])).toEqual([
        ['3号楼', 100],
        ['5号楼', 60],
      ]);
      const [closed] = contestDecider.decide(close, state, { now: AFTER, actor: { id: 'o', kind: 'user' } });
      expect(closed!.type === 'ContestClosed' && closed!.data.prizes).toEqual([
        { residentId: 'wang', points: 50, reasons: ['最美楼栋：最美楼栋 3号楼'] },
        { residentId: 'li', points: 50, reasons: ['最美楼栋：最美楼栋 3号楼'] },
      ]);
    });
  });

  describe('when a volunteer month runs', () => {
    it('refuses a second team for one resident', () => {
      spec
        .given([volunteer, joined('t1', 'wang')])
        .when({ type: 'JoinContestTeam', data: { contestId: 'c1', teamId: 't2', residentId: 'wang' } })
        .thenThrows('CONTEST.ALREADY_IN_TEAM');
    });
    it('gives the top volunteer and each member of the top team their prizes, summed once per resident', () => {
      const events = [
        volunteer,
        joined('t1', 'wang'),
        joined('t1', 'li'),
        joined('t2', 'zhao'),
        hours('h1', 'wang', 6, 't1'),
        hours('h2', 'li', 1, 't1'),
        hours('h3', 'zhao', 5, 't2'),
      ];
      const state = fold(contestDecider, events) as RunningContest;
      expect(standingsOf(state).map((s) => [s.kind, s.subjectId, s.score])).toEqual([
        ['team', 't1', 7],
        ['team', 't2', 5],
        ['resident', 'wang', 6],
        ['resident', 'zhao', 5],
        ['resident', 'li', 1],
      ]);
      const [closed] = contestDecider.decide(close, state, { now: AFTER, actor: { id: 'o', kind: 'user' } });
      expect(closed!.type === 'ContestClosed' && closed!.data.prizes).toEqual([
        { residentId: 'wang', points: 50, reasons: ['志愿服务月：优秀志愿者第1名', '志愿服务月：优秀团队 红马甲队'] },
        { residentId: 'li', points: 20, reasons: ['志愿服务月：优秀团队 红马甲队'] },
      ]);
    });
  });
});
