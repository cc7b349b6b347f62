import { categoriesOf, freeTimeOf, recommend, scoreCandidate, type Candidate, type Home, type ResidentProfileData } from './recommend';

const now = new Date('2026-11-26T09:00:00.000Z'); // Thursday 17:00 in Shanghai
const home: Home = { communityId: 'community-hexie', gridId: 'grid-hexie-01' };
const teacher: ResidentProfileData = {
  interests: ['environment'],
  profession: 'teacher',
  freeTimes: ['weekday_evenings', 'weekend_mornings'],
};

const topic = (over: Partial<Candidate> = {}): Candidate => ({
  kind: 'topic',
  id: 't-1',
  communityId: 'community-hexie',
  gridId: null,
  title: '小学门口放学接送拥堵',
  text: '家长车辆堵住路口',
  stage: 'Discussion',
  meetingAt: null,
  closesAt: null,
  ...over,
});
const meeting = (over: Partial<Candidate> = {}): Candidate => ({
  kind: 'meeting',
  id: 'm-1',
  communityId: 'community-hexie',
  gridId: null,
  title: '红茶议事会：社区卫生服务站开放时间',
  text: '义诊安排',
  stage: 'Scheduled',
  meetingAt: '2026-11-30T11:00:00.000Z', // Monday 19:00 Shanghai
  closesAt: null,
  ...over,
});

describe('recommendations (精准推送)', () => {
  it('puts texts in categories by keyword and instants in free-time windows, China time', () => {
    expect(categoriesOf('小学门口放学接送拥堵')).toEqual(['education', 'traffic']);
    expect(categoriesOf('Garbage sorting at the school')).toEqual(['education', 'environment']);
    expect(categoriesOf('随便聊聊')).toEqual([]);
    expect(freeTimeOf('2026-11-30T11:00:00.000Z')).toBe('weekday_evenings'); // Mon 19:00
    expect(freeTimeOf('2026-11-28T02:00:00.000Z')).toBe('weekend_mornings'); // Sat 10:00
    expect(freeTimeOf('2026-11-29T06:30:00.000Z')).toBe('weekend_afternoons'); // Sun 14:30
    expect(freeTimeOf('2026-11-30T16:00:00.000Z')).toBeNull(); // Tue 00:00
  });

  it('tells a teacher that a topic concerns schools, and says it is in the community, in Chinese and English', () => {
    const r = scoreCandidate(teacher, home, topic(), now)!;
    expect(r.reasons).toEqual([
      { code: 'community', zh: '本议题关乎您所在的社区', en: 'This topic concerns your community' },
      { code: 'profession', zh: '因为您是教师：本议题与学校有关', en: 'Because you are a teacher: this topic concerns schools' },
    ]);
    expect(r.score).toBe(1 + 3);
  });

  it('tells a doctor about a health meeting in a free evening, with the interest and the time', () => {
    const doctor: ResidentProfileData = { interests: ['health'], profession: 'doctor', freeTimes: ['weekday_evenings'] };
    const r = scoreCandidate(doctor, home, meeting(), now)!;
    expect(r.reasons.map((x) => x.code)).toEqual(['community', 'interest', 'profession', 'free_time']);
    expect(r.reasons[1].zh).toBe('因为您关注健康：本次议事会与健康有关');
    expect(r.reasons[2].zh).toBe('因为您是医生：本次议事会与健康有关');
    expect(r.reasons[3]).toEqual({
      code: 'free_time',
      zh: '会议时间（11月30日周一 19:00）在您有空的工作日晚上',
      en: 'The meeting (Mon 2026-11-30 19:00, China time) falls in your free weekday evenings',
    });
    expect(r.score).toBe(1 + 2 + 3 + 2);
  });

  it('leaves out a council meeting outside every stated free time, but not a topic (it can be discussed online)', () => {
    const morning = '2026-12-01T01:30:00.000Z'; // Tue 09:30
    expect(scoreCandidate(teacher, home, meeting({ meetingAt: morning }), now)).toBeNull();
    expect(scoreCandidate({ ...teacher, freeTimes: [] }, home, meeting({ meetingAt: morning }), now)).not.toBeNull();
    const r = scoreCandidate(teacher, home, topic({ meetingAt: morning }), now)!;
    expect(r.reasons.map((x) => x.code)).toEqual(['community', 'profession']);
  });

  it('fits the resident’s place: own grid first; another grid only when it matches the resident; never another community', () => {
    expect(scoreCandidate(teacher, home, topic({ gridId: 'grid-hexie-01', title: '楼下花坛', text: '补种' }), now)!.reasons[0]).toEqual({
      code: 'grid',
      zh: '本议题在您所在的网格',
      en: 'This topic is in your grid',
    });
    expect(scoreCandidate(teacher, home, topic({ gridId: 'grid-hexie-02', title: '楼下花坛', text: '补种' }), now)).toBeNull();
    expect(scoreCandidate(teacher, home, topic({ gridId: 'grid-hexie-02' }), now)!.reasons.map((x) => x.code)).toEqual(['profession']);
    expect(scoreCandidate(teacher, home, topic({ communityId: 'community-other' }), now)).toBeNull();
    expect(scoreCandidate(teacher, { communityId: null, gridId: null }, topic(), now)).toBeNull();
  });

  it('recommends only open topics and coming meetings', () => {
    expect(scoreCandidate(teacher, home, topic({ stage: 'Proposed' }), now)).toBeNull();
    expect(scoreCandidate(teacher, home, topic({ stage: 'Voting', closesAt: '2026-11-25T00:00:00.000Z' }), now)).toBeNull();
    expect(scoreCandidate(teacher, home, topic({ stage: 'Voting', closesAt: '2026-11-29T00:00:00.000Z' }), now)).not.toBeNull();
    expect(scoreCandidate(teacher, home, meeting({ stage: 'InSession' }), now)).toBeNull();
    expect(scoreCandidate(teacher, home, meeting({ meetingAt: '2026-11-20T11:00:00.000Z' }), now)).toBeNull();
  });

  it('ranks best first, then the sooner date, deterministically', () => {
    const list = recommend(
      teacher,
      home,
      [
        topic({ id: 'plain', title: '随便聊聊', text: '无' }),
        topic({ id: 'school' }),
        topic({ id: 'school-voting', stage: 'Voting', closesAt: '2026-11-28T00:00:00.000Z' }),
        topic({ id: 'elsewhere', communityId: 'community-other' }),
      ],
      now,
    );
    expect(list.map((r) => r.id)).toEqual(['school-voting', 'school', 'plain']);
  });
});

describe('recommendations for interest groups (兴趣社团)', () => {
  const taiji = { groupId: 'g-taiji', name: '太极拳社' };
  const groupTopic = topic({ id: 'g-1', title: '晨练时间调整', text: '改到每天七点', group: taiji });

  it('recommends a group’s topic to its members because they joined, and puts it first', () => {
    const member: Home = { ...home, groupIds: ['g-taiji'] };
    const r = scoreCandidate(teacher, member, groupTopic, now)!;
    expect(r.reasons).toEqual([{ code: 'group', zh: '因为您加入了太极拳社', en: 'Because you joined 太极拳社' }]);
    const list = recommend(teacher, member, [topic({ id: 'plain', title: '随便聊聊', text: '无' }), groupTopic], now);
    expect(list.map((x) => x.id)).toEqual(['g-1', 'plain']);
  });

  it('never recommends a group’s topic to a resident who has not joined it (they could not take part)', () => {
    expect(scoreCandidate(teacher, home, groupTopic, now)).toBeNull();
    expect(scoreCandidate(teacher, { ...home, groupIds: ['g-other'] }, groupTopic, now)).toBeNull();
  });
});
