import { eventuallyPasses as eventually } from '@gongzhi/testing';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { deliberationService } from '../index';

describe('recommendations (精准推送) over HTTP', () => {
  let app: TestApp;
  let resident: string;
  let officer: string;
  const topics = '/api/deliberation/topics';
  const me = '/api/deliberation/me';

  beforeAll(async () => {
    app = await startTestApp([deliberationService]); // clock: Thu 2026-11-26 17:00 in Shanghai
    [resident, officer] = await Promise.all([app.tokenFor('resident'), app.tokenFor('community_officer')]);
  });
  afterAll(() => app?.close());

  const post = (path: string, token: string, body: unknown) => app.request('POST', path, { token, body });

  async function topicInDiscussion(title: string, description: string, gridId: string | null, meetingAt: string | null): Promise<string> {
    const proposed = await post(topics, resident, { title, description, gridId });
    expect(proposed.status).toBe(201);
    const { topicId } = proposed.body;
    expect((await post(`${topics}/${topicId}/screening`, officer, { outcome: 'accepted' })).status).toBe(200);
    expect((await post(`${topics}/${topicId}/consultation`, officer, {})).status).toBe(200);
    expect((await post(`${topics}/${topicId}/discussion`, officer, { meetingAt })).status).toBe(200);
    return topicId;
  }

  it('keeps a validated profile and recommends what fits it, with reasons in Chinese and English', async () => {
    const invalid = await app.request('PUT', `${me}/profile`, {
      token: resident,
      body: { interests: ['gardening'], profession: 'astronaut', freeTimes: 'weekends' },
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('interests.0');
    expect(JSON.stringify(invalid.body)).toContain('profession');
    expect(JSON.stringify(invalid.body)).toContain('freeTimes');
    expect((await app.request('GET', `${me}/profile`, { token: resident })).body).toEqual({
      interests: [],
      profession: null,
      freeTimes: [],
    });
    expect((await app.request('PUT', `${me}/profile`, { token: officer, body: {} })).status).toBe(403);

    const profile = { interests: ['health', 'health'], profession: 'teacher', freeTimes: ['weekday_evenings', 'weekend_mornings'] };
    const saved = await app.request('PUT', `${me}/profile`, { token: resident, body: profile });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ interests: ['health'], profession: 'teacher', freeTimes: ['weekday_evenings', 'weekend_mornings'] });

    const school = await topicInDiscussion('小学门口放学接送拥堵', '家长车辆堵住路口', null, '2026-11-28T10:00:00+08:00'); // Sat morning
    const otherGrid = await topicInDiscussion('2号网格花坛补种', '补种月季', 'grid-hexie-02', null);
    const eveningHealth = await post('/api/deliberation/meetings', officer, {
      title: '红茶议事会：社区卫生服务站开放时间',
      scheduledAt: '2026-11-30T19:00:00+08:00', // Mon evening
      agenda: ['延长晚间门诊'],
      moderatorId: 'officer-1',
    });
    expect(eveningHealth.status).toBe(201);
    const morningMeeting = await post('/api/deliberation/meetings', officer, {
      title: '红茶议事会：楼道堆物',
      scheduledAt: '2026-12-01T09:30:00+08:00', // Tue morning: not when the resident is free
      agenda: ['楼道堆物怎么清'],
      moderatorId: 'officer-1',
    });
    expect(morningMeeting.status).toBe(201);

    const items = await eventually(async () => {
      const response = await app.request('GET', `${me}/recommendations`, { token: resident });
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(2);
      return response.body.items as { kind: string; id: string; reasons: { code: string; zh: string; en: string }[] }[];
    });
    // the school topic: community 1 + profession 3 + free time 2; the health meeting: community 1 + interest 2 + free time 2
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ['topic', school],
      ['meeting', eveningHealth.body.meetingId],
    ]);
    expect(items[0].reasons).toEqual([
      { code: 'community', zh: '本议题关乎您所在的社区', en: 'This topic concerns your community' },
      { code: 'profession', zh: '因为您是教师：本议题与学校有关', en: 'Because you are a teacher: this topic concerns schools' },
      {
        code: 'free_time',
        zh: '会议时间（11月28日周六 10:00）在您有空的周末上午',
        en: 'The meeting (Sat 2026-11-28 10:00, China time) falls in your free weekend mornings',
      },
    ]);
    expect(items[1].reasons.map((r) => r.code)).toEqual(['community', 'interest', 'free_time']);
    expect(items.map((i) => i.id)).not.toContain(otherGrid);
    expect(items.map((i) => i.id)).not.toContain(morningMeeting.body.meetingId);
  });
});
