import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventuallyPasses } from '@gongzhi/testing';
import { startWebHarness, type WebHarness } from './testing/web-harness';

const PHONE_390 = { width: 390, height: 844 } as const;
const DESK = { width: 1280, height: 900 } as const;

interface Teams {
  teams: { name: string; leader: { displayName: string | null } | null }[];
}

/** 志愿队队长: staff pick a team's leader from the pool by name; the resident reads on their points page that they lead it. */
describe('volunteer teams and their leaders, in Chromium against the real host', () => {
  let web: WebHarness;
  const teams = '/api/deliberation/communities/community-hexie/volunteer-teams';

  beforeAll(async () => {
    // One meeting attended (+10) reaches 热心居民 here, which unlocks leading a volunteer team.
    const levels = [
      { name: '居民', minLifetimePoints: 0, privileges: [] },
      { name: '热心居民', minLifetimePoints: 10, privileges: ['early-sign-up', 'lead-volunteer-team'] },
    ];
    const config = join(mkdtempSync(join(tmpdir(), 'web-volunteer-teams-')), 'points.json');
    // The web may not import points: its default rules are read as the file they are.
    const defaults = JSON.parse(readFileSync(join(__dirname, '../../points/src/config/default-points-config.json'), 'utf8'));
    writeFileSync(config, JSON.stringify({ ...defaults, levels }));
    web = await startWebHarness({ name: 'web-volunteer-teams', env: { GONGZHI_POINTS_CONFIG: config } });
    const officer = await web.apiAs('demo-community-officer');
    const resident = await web.apiAs('demo-resident');
    // The resident offers to lead, and attends a council meeting: points raises their level, deliberation learns it.
    const optIn = await resident.call(`/api/deliberation/residents/${resident.principal.subject}/volunteer-roles`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'volunteer-team-leader', optedIn: true }),
    });
    expect(optIn.status).toBe(200);
    const topics = '/api/deliberation/topics';
    const topicId = (await resident.post(topics, { title: '河道垃圾', description: '请大家商量怎么清' })).topicId as string;
    await officer.post(`${topics}/${topicId}/screening`, { outcome: 'accepted' });
    await officer.post(`${topics}/${topicId}/consultation`, { draftPlan: '每周清理' });
    await officer.post(`${topics}/${topicId}/discussion`, { meetingAt: '2099-01-05T10:00:00+08:00' });
    await officer.post(`${topics}/${topicId}/attendance`, { residentIds: [resident.principal.subject] });
    await eventuallyPasses(async () => {
      const mine = await resident.get<{ privileges: string[] }>('/api/deliberation/residents/me/privileges');
      expect(mine.privileges).toContain('lead-volunteer-team');
    });
  }, 240_000);
  afterAll(async () => {
    await web?.close();
  });

  it('lets the officer form a team and pick its leader from the pool by name, and the resident step down', async () => {
    const page = await web.signedIn('demo-community-officer', '/staff/volunteer-teams', { viewport: DESK });
    await page.getByRole('heading', { name: '志愿服务队', level: 1 }).waitFor();
    await page.getByRole('list', { name: '可以担任队长的居民' }).getByText('王秀英（热心居民）').waitFor();
    await page.getByText('还没有志愿服务队。').waitFor();
    await web.expectAccessible(page, 'staff: volunteer teams and the pool (desk)');

    const form = page.getByRole('region', { name: '组建志愿服务队' });
    await form.getByLabel('队名').fill('环保志愿队');
    await form.getByLabel('做什么').fill('每周六清理小区河道');
    await form.getByLabel('队长（从上面的居民中挑选）').selectOption({ label: '王秀英（热心居民）' });
    await form.getByRole('button', { name: '组建' }).click();
    await form.getByText('「环保志愿队」已组建。').waitFor();
    const list = page.getByRole('region', { name: '本社区的志愿服务队' });
    await list.getByText('队长：王秀英').waitFor();

    // A resident leads one team at a time: the refusal reads in words, at the leader's field.
    await form.getByLabel('队名').fill('助老志愿队');
    await form.getByLabel('队长（从上面的居民中挑选）').selectOption({ label: '王秀英（热心居民）' });
    await form.getByRole('button', { name: '组建' }).click();
    await form.getByText('这位居民已经是另一支队伍的队长了，一人只带一支队伍。').first().waitFor();
    await web.expectAccessible(page, 'staff: a leader refused (desk)');
    await web.shot(page, 'staff-desk');

    const resident = await web.signedIn('demo-resident', '/resident/points', { viewport: PHONE_390 });
    const section = resident.getByRole('region', { name: '等级权限' });
    await section.getByText('你是「环保志愿队」的队长。').waitFor();
    await section.getByText('「环保志愿队」 · 队长：王秀英').waitFor();
    await web.expectAccessible(resident, 'resident: the team they lead (phone)');
    await web.shot(resident, 'resident-phone');
    await section.getByRole('button', { name: '卸任队长' }).click();
    await section.getByText('你已卸任队长，社区会另请队长。').waitFor();
    await section.getByText('「环保志愿队」 · 队长待任命').waitFor();

    const officer = await web.apiAs('demo-community-officer');
    expect((await officer.get<Teams>(teams)).teams).toEqual([expect.objectContaining({ name: '环保志愿队', leader: null })]);

    // The staff screen offers the resident again for the team that now waits for a leader.
    await page.reload();
    const waiting = page.getByRole('region', { name: '本社区的志愿服务队' });
    await waiting.getByText('队长：待任命').waitFor();
    await waiting.getByLabel('「环保志愿队」的新队长').selectOption({ label: '王秀英（热心居民）' });
    await waiting.getByRole('button', { name: '任命队长' }).click();
    await waiting.getByText('已任命王秀英为「环保志愿队」的队长。').waitFor();
    expect((await officer.get<Teams>(teams)).teams[0].leader).toMatchObject({ displayName: '王秀英' });
  });
});
