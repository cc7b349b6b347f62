import { randomUUID } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

/** 兴趣社团 as a resident sees them: browse the community's groups, join one, be told why its topic is recommended, leave. */
describe('interest groups, in Chromium against the real host', () => {
  let web: WebHarness;
  let officer: ApiClient;
  let groupName: string;
  let topicTitle: string;
  let topicId: string;

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
    topicId = proposed.body.topicId as string;
    const topic = `/api/deliberation/topics/${topicId}`;
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

  const largeText = async (page: Page) => {
    await page.getByRole('button', { name: '大字' }).click();
    await page.getByRole('button', { name: '标准字' }).waitFor();
  };

  it("shows a community officer the community's groups with member counts, and lets them start one (desktop)", async () => {
    const page = await web.signedIn('demo-community-officer', '/staff/groups', { viewport: DESKTOP });
    await page.getByRole('heading', { name: '兴趣社团', level: 1 }).waitFor();
    // The neighbour who proposed the group's topic is its one member once the projection has them.
    await eventuallyPasses(async () => {
      await page.reload();
      await page.getByRole('row', { name: new RegExp(`${groupName}.*1 位社员`) }).waitFor({ timeout: 2_000 });
    }, 30_000);
    await web.expectAccessible(page, "staff: the community's interest groups");

    const choir = `合唱团${randomUUID().slice(0, 4)}`;
    const form = page.getByRole('region', { name: '成立一个社团' });
    await form.getByLabel('社团名称').fill(choir);
    await form.getByLabel('简介（活动时间、地点）').fill('每周三晚上，社区活动室');
    await form.getByRole('button', { name: '成立社团' }).click();
    await page.getByText(`${choir}已成立。`).waitFor();
    await eventuallyPasses(async () => {
      await page.reload();
      await page.getByRole('row', { name: new RegExp(`${choir}.*每周三晚上.*0 位社员`) }).waitFor({ timeout: 2_000 });
    }, 30_000);
    await web.shot(page, 'staff-interest-groups');
    await page.close();
  });

  it("says on a group's topic page that it belongs to the group (phone, large text)", async () => {
    const page = await web.signedIn('demo-resident', `/resident/topics/${topicId}`, { viewport: PHONE });
    await largeText(page);
    await page.getByRole('heading', { name: topicTitle, level: 1 }).waitFor();
    await page.getByText(`本议题只限 ${groupName} 成员`).waitFor();
    await web.expectAccessible(page, "resident: a group's topic (phone, large text)");
    await web.shot(page, 'group-topic-large-text');
    await page.close();
  });

  it('shows neither a resident nor a grid worker the staff screen of groups', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report');
    await resident.goto(`${web.url}/staff/groups`);
    await resident.getByText('暂无数据').first().waitFor();
    expect(await resident.getByRole('button', { name: '成立社团' }).count()).toBe(0);
    await resident.close();

    const worker = await web.signedIn('demo-grid-worker', '/staff/groups', { viewport: DESKTOP });
    await worker.getByRole('navigation', { name: '工作台' }).first().waitFor();
    await worker.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await worker.getByRole('link', { name: '兴趣社团' }).count()).toBe(0);
    expect(await worker.getByRole('button', { name: '成立社团' }).count()).toBe(0);
    await worker.close();
  });
});
