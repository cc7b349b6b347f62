import { randomUUID } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import { startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

/** 楼栋自治 and 全体业主投票 as a resident sees them: electing the building head, and an owners' vote's result with its rule. */
describe('a building that governs itself, in Chromium against the real host', () => {
  let web: WebHarness;
  let worker: ApiClient;
  let officer: ApiClient;
  let buildingId: string;
  let neighbour: { id: string; token: string };
  let homes: { mine: string; theirs: string };

  /** The host's own time (its Date header), so a window is set without reading this machine's clock. */
  const hostNow = async () => new Date((await worker.call('/health')).headers.get('date')!).getTime();

  beforeAll(async () => {
    web = await startWebHarness({ name: 'buildings' });
    worker = await web.apiAs('demo-grid-worker');
    officer = await web.apiAs('demo-community-officer');
    const resident = await web.apiAs('demo-resident');
    const username = `neighbour-${randomUUID().slice(0, 8)}`;
    const registered = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        password: 'a-long-enough-password',
        displayName: '李师傅',
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
    neighbour = { id: registered.id, token: login.accessToken };

    buildingId = (await worker.post('/api/deliberation/buildings', { gridId: 'grid-hexie-01', name: '和谐路3号楼', units: ['1单元'] }))
      .buildingId as string;
    const home = async (number: string, floorAreaSquareMetres: number, ownerId: string) =>
      (
        await worker.post(`/api/deliberation/buildings/${buildingId}/homes`, {
          unit: '1单元',
          number,
          floorAreaSquareMetres,
          ownerIds: [ownerId],
        })
      ).homeId as string;
    homes = { mine: await home('101', 89.52, resident.principal.subject!), theirs: await home('102', 150.33, neighbour.id) };
    await worker.post(`/api/deliberation/buildings/${buildingId}/residents`, {
      residentId: resident.principal.subject,
      homeId: homes.mine,
    });
    await worker.post(`/api/deliberation/buildings/${buildingId}/residents`, { residentId: neighbour.id, homeId: homes.theirs });
  }, 180_000);

  afterAll(() => web?.close());

  it('lets a resident elect their building head by secret ballot, and says only that they voted', async () => {
    await worker.post(`/api/deliberation/buildings/${buildingId}/head-elections`, {
      candidates: [
        { residentId: neighbour.id, displayName: '李师傅' },
        { residentId: (await web.apiAs('demo-resident')).principal.subject, displayName: '王秀英' },
      ],
      closesAt: new Date((await hostNow()) + 3 * 864e5).toISOString(),
    });
    const page = await web.signedIn('demo-resident', `/resident/buildings/${buildingId}`);
    await page.getByRole('heading', { name: '和谐路3号楼', level: 1 }).waitFor();
    await page.getByText('还没有选出楼栋长').waitFor();
    await page.getByText('可投票居民 2 人', { exact: false }).waitFor();
    await page.getByLabel('李师傅').check();
    await web.expectAccessible(page, 'resident: building head election');
    await page.getByRole('button', { name: '投出我的一票' }).click();
    await page.getByText('您已投票。选票保密，只公布各候选人的得票总数。').waitFor();
    await web.shot(page, 'building-head-voted');
    await page.close();
  });

  it("shows an owners' vote counted by homes and by floor area, with its rule", async () => {
    const opened = await officer.post('/api/deliberation/owners-votes', {
      communityId: 'community-hexie',
      buildingIds: [buildingId],
      question: '选聘新的物业公司',
      options: [
        { optionId: 'company-a', label: '甲物业' },
        { optionId: 'company-b', label: '乙物业' },
      ],
      rule: 'double_majority',
      closesAt: new Date((await hostNow()) + 20_000).toISOString(),
    });
    const voteId = opened.voteId as string;
    const page = await web.signedIn('demo-resident', `/resident/owners-votes/${voteId}`);
    await page.getByRole('heading', { name: '选聘新的物业公司', level: 1 }).waitFor();
    await page.getByText('双过半：户数和面积都要过半（民法典第二百七十八条）').first().waitFor();
    await page.getByText('我的房屋：和谐路3号楼 1单元 101（89.52 平方米）').waitFor();
    await page.getByLabel('甲物业').check();
    await page.getByRole('button', { name: '为这套房投票' }).click();
    await page.getByText('这套房已经投过票了。').waitFor();
    const theirs = await fetch(`${web.url}/api/deliberation/owners-votes/${voteId}/homes/${homes.theirs}/ballot`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${neighbour.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ optionId: 'company-b' }),
    });
    expect(theirs.status).toBe(200);

    // The window closes on the host's clock; its deadline (or this officer, once due) counts the sealed box.
    await eventuallyPasses(
      async () => expect((await officer.call(`/api/deliberation/owners-votes/${voteId}/close`, { method: 'POST' })).status).toBe(200),
      40_000,
      1_000,
    );
    await page.reload();
    await page.getByRole('heading', { name: '投票结果' }).waitFor();
    // One home each: a tie by homes; the larger home leads by area. The double majority is not met, and the page says so.
    const row = (label: string) => page.getByRole('row', { name: new RegExp(label) });
    expect(await row('甲物业').textContent()).toContain('1 户（50%）');
    expect(await row('甲物业').textContent()).toContain('89.52 平方米（37.32%）');
    expect(await row('乙物业').textContent()).toContain('150.33 平方米（62.68%）');
    await page.getByText('未通过').waitFor();
    await page.getByText('参与：2/2 户（100%），239.85/239.85 平方米（100%）').waitFor();
    await web.expectAccessible(page, "resident: owners' vote result");
    await web.shot(page, 'owners-vote-result');
    await page.close();
  });
});
