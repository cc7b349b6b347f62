import { startWebHarness, type WebHarness } from './testing/web-harness';

const PHONE_390 = { width: 390, height: 844 } as const;

interface MyPrivileges {
  privileges: string[];
  roles: { role: string; optedIn: boolean }[];
}

describe("the resident's points page: what each level unlocks, and the roles they offer to serve in", () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-privileges' });
  }, 180_000);
  afterAll(async () => {
    await web?.close();
  });

  it('lists the privileges of each level and lets the resident opt in and out of moderating, for themself only', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/points', { viewport: PHONE_390 });
    const section = resident.getByRole('region', { name: '等级权限' });
    await section.getByText('「热心居民」解锁：活动优先报名').waitFor();
    await section.getByText('「社区达人」解锁：无需联署即可提出议题、担任志愿服务队长').waitFor();
    await section.getByText('「治理专家」解锁：主持议事会').waitFor();

    const moderator = section.getByRole('switch', { name: '议事会主持人' });
    const api = await web.apiAs('demo-resident');
    const before = await api.get<MyPrivileges>('/api/deliberation/residents/me/privileges');
    const wasOn = before.roles.find((r) => r.role === 'meeting-moderator')!.optedIn;
    expect(await moderator.isChecked()).toBe(wasOn);
    // What the page says about being picked follows the level the resident holds.
    const note = before.privileges.includes('moderate-meeting')
      ? '你的等级已经够了；打开后，工作人员就可以挑选你。'
      : '被挑选还需要等级权限「主持议事会」。';
    await section.getByText(note).first().waitFor();
    await web.expectAccessible(resident, 'resident: level privileges and volunteer roles (phone)');

    await moderator.click();
    await section.getByText('已保存你的选择。').waitFor();
    const after = await api.get<MyPrivileges>('/api/deliberation/residents/me/privileges');
    expect(after.roles.find((r) => r.role === 'meeting-moderator')!.optedIn).toBe(!wasOn);

    // The choice is the server's, not the page's: a fresh load shows it.
    await resident.reload();
    const reloaded = resident.getByRole('region', { name: '等级权限' }).getByRole('switch', { name: '议事会主持人' });
    await reloaded.waitFor();
    expect(await reloaded.isChecked()).toBe(!wasOn);
    await web.shot(resident, 'privileges-phone');

    // The page sends the resident's own id; an officer opting the resident in is refused by the server.
    const officer = await web.apiAs('demo-community-officer');
    const byOfficer = await officer.call(`/api/deliberation/residents/${api.principal.subject}/volunteer-roles`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'meeting-moderator', optedIn: !wasOn }),
    });
    expect(byOfficer.status).toBe(403);
    const unchanged = await api.get<MyPrivileges>('/api/deliberation/residents/me/privileges');
    expect(unchanged.roles.find((r) => r.role === 'meeting-moderator')!.optedIn).toBe(!wasOn);
  });
});
