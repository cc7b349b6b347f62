import { randomUUID } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import { startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

/** 兴趣社团 as a resident sees them: browse the community's groups, join one, be told why its topic is recommended, leave. */
describe('interest groups, in Chromium against the real host', () => {
  let web: WebHarness;
  let officer: ApiClient;
  let groupName: string;
  let topicTitle: string;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'interest-groups' });
    officer = await web.apiAs('demo-community-officer');
    // A name of this run's own, so a host that kept data from an earlier run shows this run's group.
    const suffix = randomUUID().slice(0, 4);
    groupName = `太极拳社${suffix}`;
    topicTitle = `晨练时间调整${suffix}`;
    const groupId = (await officer.post('/api/deliberation/interest-groups', { name: groupName, description: '每天早上七点' }))
      .groupId as string;

    // A verified neighbour joins and proposes the group's own topic; the officer brings it to discussion.
    const username = `taiji-${randomUUID().slice(0, 8)}`;
    const registered = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        password: 'a-long-enough-password',
        displayName: '陈师傅',
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await officer.post(`/api/auth/accounts/${registered.id}/verify`, {});
    const login = await fetch(`${web.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'a-long-enough-password' }),
    }).then((r) => r.json() as Promise<{ accessToken: string }>);
    const asNeighbour = (method: string, path: string, body: unknown) =>
      fetch(`${web.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect((await asNeighbour('PUT', `/api/deliberation/interest-groups/${groupId}/membership`, {})).status).toBe(200);
    const proposed = await asNeighbour('POST', '/api/deliberation/topics', { title: topicTitle, description: '冬天改到七点半', groupId });
    expect(proposed.status).toBe(201);
    const topic = `/api/deliberation/topics/${proposed.body.topicId as string}`;
    await officer.post(`${topic}/screening`, { outcome: 'accepted' });
    await officer.post(`${topic}/consultation`, { draftPlan: null });
    await officer.post(`${topic}/discussion`, { meetingAt: null });
  }, 180_000);

  afterAll(() => web?.close());

  it('lets a resident join a group, shows its topic as recommended because they joined, and lets them leave', async () => {
    const page = await web.signedIn('demo-resident', '/resident/groups');
    await page.getByRole('heading', { name: '兴趣社团', level: 1 }).waitFor();
    const join = page.getByRole('button', { name: `加入${groupName}` });
    await join.waitFor();
    // Not a member yet: the group's topic is not offered, since they could not take part in it.
    expect(await page.getByRole('link', { name: topicTitle }).count()).toBe(0);
    await web.expectAccessible(page, 'resident: interest groups to join');

    await join.click();
    await page.getByText(`您已加入${groupName}。`).waitFor();
    await page.getByRole('button', { name: `退出${groupName}` }).waitFor();

    // The recommendation follows the membership once the projections have it: a reopened page says why.
    await eventuallyPasses(async () => {
      await page.reload();
      await page.getByRole('link', { name: topicTitle }).waitFor({ timeout: 2_000 });
    }, 30_000);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: topicTitle }) });
    expect(await item.textContent()).toContain(`因为您加入了${groupName}`);
    await web.expectAccessible(page, 'resident: recommended because they joined');
    await web.shot(page, 'interest-groups-recommended');

    await page.getByRole('button', { name: `退出${groupName}` }).click();
    await page.getByText(`您已退出${groupName}。`).waitFor();
    await page.getByRole('button', { name: `加入${groupName}` }).waitFor();
    await page.close();
  });

  it('lets a verified resident start a group of their own, and makes them its first member', async () => {
    const page = await web.signedIn('demo-resident', '/resident/groups');
    await page.getByRole('heading', { name: '发起一个社团' }).waitFor();
    const readers = `读书会${randomUUID().slice(0, 4)}`;
    await page.getByLabel('社团名称').fill(readers);
    await page.getByLabel('简介（活动时间、地点）').fill('每周六下午，社区图书室');
    await web.expectAccessible(page, 'resident: starting a group');
    await page.getByRole('button', { name: '发起社团' }).click();
    await page.getByText(`${readers}已成立，您是第一位社员。`).waitFor();
    await page.getByRole('button', { name: `退出${readers}` }).waitFor();
    // Reopened, the page has it from the server: the founder is a member there too.
    await eventuallyPasses(async () => {
      await page.reload();
      await page.getByRole('button', { name: `退出${readers}` }).waitFor({ timeout: 2_000 });
    }, 30_000);
    await page.close();
  });
});
