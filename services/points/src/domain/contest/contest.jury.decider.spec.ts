import { fold } from '@gongzhi/eventsourcing';
import { deciderSpec } from '@gongzhi/testing';
import { contestDecider } from './contest.decider';
import type { ContestEvent, ContestOpenedData } from './contest.events';

const DURING = new Date('2026-12-10T02:00:00.000Z');
const AFTER = new Date('2027-01-01T00:00:00.000Z');
const spec = deciderSpec(contestDecider, { now: DURING, actor: { id: 'officer', kind: 'user' } });

const openData: ContestOpenedData = {
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
  jurorIds: ['officer', 'wang', 'expert'],
};
const juried: ContestEvent = { type: 'ContestOpened', data: openData };
const submitted = (entryId: string, residentId: string): ContestEvent => ({
  type: 'IdeaSubmitted',
  data: { contestId: 'c1', entryId, residentId, title: `idea ${entryId}`, description: '在楼下加装休息座椅' },
});
const scored = (entryId: string, jurorId: string, score: number): ContestEvent => ({
  type: 'IdeaScored',
  data: { contestId: 'c1', entryId, jurorId, score },
});
const score = (entryId: string, jurorId: string, value: number) => ({
  type: 'ScoreIdea' as const,
  data: { contestId: 'c1', entryId, jurorId, score: value },
});
const close = { type: 'CloseContest' as const, data: { contestId: 'c1', closedBy: 'officer' } };
const ideas = [juried, submitted('e1', 'wang'), submitted('e2', 'zhao')];

describe('contest decider: an idea contest judged by a jury', () => {
  it('opens with its named jurors', () => {
    spec.given([]).when({ type: 'OpenContest', data: openData }).then([juried]);
  });
  it('refuses a jury for a building contest and a juror named twice', () => {
    spec
      .given([])
      .when({ type: 'OpenContest', data: { ...openData, kind: 'building', buildings: [] } })
      .thenThrows('CONTEST.JURY_FOR_IDEAS_ONLY', { field: 'jurorIds' });
    spec
      .given([])
      .when({ type: 'OpenContest', data: { ...openData, jurorIds: ['wang', 'wang'] } })
      .thenThrows('CONTEST.DUPLICATE_JUROR', { field: 'jurorIds' });
  });
  it('takes one score of a juror for an idea', () => {
    spec
      .given(ideas)
      .when(score('e2', 'wang', 8))
      .then([scored('e2', 'wang', 8)]);
  });
  it('refuses a non-juror, a juror scoring their own idea, a second score, a made-up idea and a score out of range', () => {
    const given = spec.given([...ideas, scored('e2', 'officer', 7)]);
    given.when(score('e1', 'zhao', 10)).thenThrows('CONTEST.NOT_A_JUROR');
    given.when(score('e1', 'wang', 10)).thenThrows('CONTEST.OWN_ENTRY', { field: 'entryId' });
    given.when(score('e2', 'officer', 9)).thenThrows('CONTEST.ALREADY_SCORED', { field: 'entryId' });
    given.when(score('made-up', 'officer', 9)).thenThrows('CONTEST.ENTRY_NOT_FOUND');
    given.when(score('e1', 'officer', 11)).thenThrows('CONTEST.INVALID_SCORE', { field: 'score' });
    given.when(score('e1', 'officer', 0)).thenThrows('CONTEST.INVALID_SCORE', { field: 'score' });
  });
  it('refuses a score after the end and a resident vote at any time', () => {
    spec
      .given(ideas)
      .when(score('e1', 'officer', 9), { now: AFTER })
      .thenThrows('CONTEST.NOT_RUNNING');
    spec
      .given(ideas)
      .when({ type: 'VoteForIdea', data: { contestId: 'c1', entryId: 'e1', residentId: 'li' } })
      .thenThrows('CONTEST.JURY_DECIDES');
  });
  it('refuses a score after the close', () => {
    const history = [...ideas, scored('e1', 'officer', 6)];
    const closed = contestDecider.decide(close, fold(contestDecider, history), { now: AFTER, actor: { id: 'officer', kind: 'user' } });
    spec
      .given([...history, ...closed])
      .when(score('e2', 'expert', 9))
      .thenThrows('CONTEST.NOT_RUNNING');
  });
  it("closes on the jurors' mean: more scores do not beat better scores", () => {
    spec
      .given([
        ...ideas,
        scored('e1', 'officer', 6),
        scored('e1', 'expert', 7),
        scored('e2', 'officer', 9),
        scored('e2', 'wang', 8),
        scored('e2', 'expert', 8),
      ])
      .when(close, { now: AFTER })
      .then([
        {
          type: 'ContestClosed',
          data: {
            contestId: 'c1',
            standings: [
              { rank: 1, kind: 'idea', subjectId: 'e2', label: 'idea e2', score: 8.33 },
              { rank: 2, kind: 'idea', subjectId: 'e1', label: 'idea e1', score: 6.5 },
            ],
            prizes: [{ residentId: 'zhao', points: 50, reasons: ['十二月金点子：金点子第1名「idea e2」'] }],
            closedBy: 'officer',
          },
        },
      ]);
  });
});
