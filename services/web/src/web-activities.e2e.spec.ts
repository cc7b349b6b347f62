import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventuallyPasses } from '@gongzhi/testing';
import { startWebHarness, type WebHarness } from './testing/web-harness';

const PHONE_390 = { width: 390, height: 844 } as const;

/** 社区活动报名 as a resident sees it: the places left, when sign-up opens, the early sign-up their level unlocks. */
describe('signing up for a community activity, in Chromium against the real host', () => {
  let web: WebHarness;
  const open = `茶话会-${randomUUID().slice(0, 6)}`;
  const later = `读书会-${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    // One meeting attended (+10) reaches 热心居民 here, which unlocks early sign-up.
    const levels = [
      { name: '居民', minLifetimePoints: 0, privileges: [] },
      { name: '热心居民', minLifetimePoints: 10, privileges: ['early-sign-up'] },
    ];
    const config = join(mkdtempSync(join(tmpdir(), 'web-activities-')), 'points.json');
    // The web may not import points: its default rules are read as the file they are.
    const defaults = JSON.parse(readFileSync(join(__dirname, '../../points/src/config/default-points-config.json'), 'utf8'));
    writeFileSync(config, JSON.stringify({ ...defaults, levels }));
    web = await startWebHarness({ name: 'web-activities', env: { GONGZHI_POINTS_CONFIG: config } });
    const officer = await web.apiAs('demo-community-officer');
    const resident = await web.apiAs('demo-resident');
    await officer.post('/api/co-building/activities', {
      title: open,
      startsAt: '2099-01-01T14:00:00+08:00',
      capacity: 3,
      signUpOpensAt: '2020-01-01T10:00:00+08:00',
    });
    await officer.post('/api/co-building/activities', {
      title: later,
      startsAt: '2099-01-01T14:00:00+08:00',
      capacity: 3,
      signUpOpensAt: '2098-12-01T10:00:00+08:00',
    });
    // The resident attends a council meeting: points raises their level, co-building and deliberation learn it.
    const topics = '/api/deliberation/topics';
    const topicId = (await resident.post(topics, { title: '楼道堆物', description: '请大家商量' })).topicId as string;
    await officer.post(`${topics}/${topicId}/screening`, { outcome: 'accepted' });
    await officer.post(`${topics}/${topicId}/consultation`, { draftPlan: '每月清理' });
    await officer.post(`${topics}/${topicId}/discussion`, { meetingAt: '2099-01-05T10:00:00+08:00' });
    await officer.post(`${topics}/${topicId}/attendance`, { residentIds: [resident.principal.subject] });
    await eventuallyPasses(async () => {
      const mine = await resident.get<{ privileges: string[] }>('/api/deliberation/residents/me/privileges');
      expect(mine.privileges).toContain('early-sign-up');
    });
  }, 240_000);
  afterAll(async () => {
    await web?.close();
  });

  it('shows the places left and the opening, tells the resident their level lets them sign up early, and signs them up', async () => {
    const page = await web.signedIn('demo-resident', '/resident/co-building', { viewport: PHONE_390 });
    const section = page.getByRole('region', { name: '社区活动报名' });
    const item = section.getByRole('listitem', { name: open });
    await item.getByText('2099-01-01 14:00 开始 · 剩余 3 / 3 个名额').waitFor();
    await item.getByText('报名时间：2020-01-01 10:00 起').waitFor();
    await section.getByRole('listitem', { name: later }).getByText('您的等级可以提前报名（报名开始前 24 小时内）').waitFor();
    // Once sign-up is open for everyone there is nothing early about it.
    expect(await item.getByText(/您的等级可以提前报名/).count()).toBe(0);
    await web.expectAccessible(page, 'resident: community activities (phone)');

    await section.getByRole('listitem', { name: open }).getByRole('button', { name: '报名' }).click();
    await section.getByRole('listitem', { name: open }).getByText('报名成功').waitFor();
    await web.shot(page, 'activities-phone');

    // Far before the opening even early sign-up is refused, in the resident's words.
    const tooEarly = section.getByRole('listitem', { name: later });
    await tooEarly.getByRole('button', { name: '报名' }).click();
    await tooEarly.getByText('报名还没有开始，请在活动写明的报名时间之后再来。').waitFor();
  });
});
