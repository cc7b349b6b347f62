import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, startWebHarness, type WebHarness } from './testing/web-harness';

const DELIBERATION = '/api/deliberation';

/** Forms ask for a person by name, and the person chosen is the one the server acts on. */
describe('choosing people by name in forms, and a refused resident reading why', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-people' });
  }, 180_000);

  afterAll(() => web?.close());

  const largeText = async (page: Page) => {
    await page.getByRole('button', { name: '大字' }).click();
    await page.getByRole('button', { name: '标准字' }).waitFor();
  };

  it('lets a resident name who confirms their volunteer hours, and that person can confirm them (phone, large text)', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/points', { viewport: PHONE });
    await resident.getByRole('heading', { name: '时间银行（志愿服务时长）' }).waitFor();
    await largeText(resident);
    const activity = `陪邻居去医院 ${randomUUID().slice(0, 6)}`;
    await resident.getByLabel('做了什么').fill(activity);

    const verifier = resident.getByLabel('证明人（组织者或受助人）');
    await verifier.fill('没有这个人');
    await resident.getByText('没有找到这个名字的人。').waitFor();
    expect(await resident.getByRole('button', { name: '登记志愿服务' }).isDisabled()).toBe(true);
    await verifier.fill('李建');
    await resident.getByRole('button', { name: '选择 李建国（网格员） · 网格员' }).click();
    await resident.getByText('已选：李建国（网格员） · 网格员').waitFor();
    await web.expectAccessible(resident, 'resident: time bank with a verifier chosen (phone, large text)');
    await web.shot(resident, 'time-bank-verifier-large-text');
    await resident.getByRole('button', { name: '登记志愿服务' }).click();
    await resident.getByText('已登记，等证明人核实后存入。').waitFor();

    // The grid worker chosen by name is the verifier the entry names: their confirmation banks the hours.
    const own = await web.apiAs('demo-resident');
    const bank = await own.get<{ entries: { entryId: string; status: string }[] }>('/api/points/time-bank/me');
    const logged = bank.entries.filter((e) => e.status === 'logged');
    expect(logged).toHaveLength(1);
    const path = `/api/points/time-bank/${own.principal.subject}/entries/${logged[0].entryId}/verify`;
    // Someone the resident did not name cannot confirm them.
    const stranger = `stranger-${randomUUID().slice(0, 8)}`;
    await register(stranger, '路人 甲');
    expect((await (await web.apiAs(stranger)).call(path, { method: 'POST' })).status).toBe(403);
    await (await web.apiAs('demo-grid-worker')).post(path, {});

    await resident.reload();
    await resident.getByText(/1 小时 · 已存入/).waitFor();
    await resident.getByRole('button', { name: '标准字' }).click();
    await resident.close();
  });

  it('lets a grid worker record a ballot for a resident found by name (desktop)', async () => {
    const { topicId, title } = await votingTopic();
    const { code } = await (await web.apiAs('demo-resident')).post(`${DELIBERATION}/consent-codes`, {});

    const worker = await web.signedIn('demo-grid-worker', '/staff/assisted', { viewport: DESKTOP });
    await worker.getByRole('heading', { name: '上门帮办：替居民投票', level: 1 }).waitFor();
    await worker.getByLabel('议题（投票中）').selectOption(topicId);
    await worker.getByLabel('为哪位居民登记').fill('王秀');
    await worker.getByRole('button', { name: '选择 王秀英 · 居民' }).click();
    await worker.getByText('已选：王秀英 · 居民').waitFor();
    await worker.getByRole('group', { name: '居民的选择' }).getByRole('radio').first().check();
    // A signed slip names the resident's grid, chosen by name and set to the worker's own grid at first.
    await worker.getByRole('radio', { name: '签字同意书' }).check();
    const grid = worker.getByLabel('居民所在网格');
    expect(await grid.inputValue()).toBe('grid-hexie-01');
    expect(await grid.locator('option:checked').textContent()).toBe('和谐社区第一网格');
    await worker.getByRole('radio', { name: '同意码' }).check();
    await worker.getByLabel('居民念的 6 位同意码').fill(String(code));
    await web.expectAccessible(worker, 'staff: assisted ballot with a resident chosen (desktop)');
    await web.shot(worker, 'assisted-resident-picked');
    await worker.getByRole('button', { name: '记录这张票' }).click();
    await worker.getByText('已记录。居民可以在手机上查看或撤回。').waitFor();
    await worker.close();

    // The ballot is the resident's: it shows on their own phone.
    const resident = await web.signedIn('demo-resident', '/resident/assisted', { viewport: PHONE });
    await resident.getByRole('heading', { name: /我的代办记录/, level: 1 }).waitFor();
    await resident.getByText('上门的工作人员按这个名字找到您：').waitFor();
    await resident.getByText(title).waitFor();
    await resident.close();
  });

  it('lets an officer hand a council meeting to the street officer, found by name (desktop, large text)', async () => {
    const officer = await web.signedIn('demo-community-officer', '/staff/council', { viewport: DESKTOP });
    await officer.getByRole('heading', { name: '红茶议事会', level: 1 }).waitFor();
    await largeText(officer);
    await officer.getByText('已选：陈丽华（和谐社区） · 社区工作人员').waitFor();
    await officer.getByRole('button', { name: '换一个人' }).click();
    await officer.getByLabel('主持人').fill('王秀英');
    // Residents are not offered as moderators.
    await officer.getByText('没有找到这个名字的人。').waitFor();
    await officer.getByLabel('主持人').fill('赵志');
    await officer.getByRole('button', { name: '选择 赵志强（南京东路街道） · 街道工作人员' }).click();
    const title = `车棚议事会 ${randomUUID().slice(0, 6)}`;
    await officer.getByLabel('会议名称').fill(title);
    await officer.getByLabel('议程（每行一项）').fill('车棚选址');
    await web.expectAccessible(officer, 'staff: council meeting with a moderator chosen (desktop, large text)');
    await web.shot(officer, 'council-moderator-picked');
    await officer.getByRole('button', { name: '召集', exact: true }).click();
    await officer.getByRole('link', { name: title }).click();
    await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
    const meetingId = decodeURIComponent(new URL(officer.url()).pathname.split('/').pop() ?? '');
    await officer.getByRole('button', { name: '标准字' }).click();
    await officer.close();

    const streetOfficer = await web.apiAs('demo-street-officer');
    const meeting = await streetOfficer.get<{ moderatorId: string }>(`${DELIBERATION}/meetings/${encodeURIComponent(meetingId)}`);
    expect(meeting.moderatorId).toBe(streetOfficer.principal.subject);
  });

  it("tells a resident the community office could not verify them, in the officer's words (phone, large text)", async () => {
    const username = `refused-${randomUUID().slice(0, 8)}`;
    const id = await register(username, '刘阿姨');
    const reason = '请带身份证和租房合同到社区办公室';
    await (await web.apiAs('demo-community-officer')).post(`/api/auth/accounts/${id}/refuse`, { reason });

    const resident = await web.signedIn(username, '/resident/report', { viewport: PHONE });
    await resident.getByText(`社区没能核实您的身份，所以暂时还不能投票。工作人员留言：${reason}`).waitFor();
    await largeText(resident);
    await web.expectAccessible(resident, 'resident: refused verification (phone, large text)');
    await web.shot(resident, 'refused-resident-large-text');
    await resident.getByRole('button', { name: '标准字' }).click();
    await resident.close();

    // A verified resident reads no such notice.
    const verified = await web.signedIn('demo-resident', '/resident/report', { viewport: PHONE });
    await verified.getByRole('heading', { name: /随手拍/, level: 1 }).waitFor();
    expect(await verified.getByText('社区没能核实您的身份').count()).toBe(0);
    await verified.close();
  });

  it('keeps showing a council vote as cast after a reload, and says nothing of a vote never cast (phone)', async () => {
    // Verified before voting opens, so the roll the vote is counted against has them.
    const voter = `voter-${randomUUID().slice(0, 8)}`;
    const voterId = await register(voter, '投票的 周阿姨');
    await (await web.apiAs('demo-community-officer')).post(`/api/auth/accounts/${voterId}/verify`, {});
    const { topicId, title } = await votingTopic();

    const resident = await web.signedIn(voter, `/resident/topics/${topicId}`, { viewport: PHONE });
    await resident.getByRole('heading', { name: title, level: 1 }).waitFor();
    await resident.getByRole('button', { name: '投出我的一票' }).waitFor();
    expect(await resident.getByText('已投票。投票是保密的，截止前可以改。').count()).toBe(0);
    await resident.getByRole('radio').first().check();
    await resident.getByRole('button', { name: '投出我的一票' }).click();
    await resident.getByText('已投票。投票是保密的，截止前可以改。').waitFor();
    await resident.reload();
    await resident.getByRole('heading', { name: title, level: 1 }).waitFor();
    await resident.getByText('已投票。投票是保密的，截止前可以改。').waitFor();
    await web.expectAccessible(resident, 'resident: a cast vote after a reload (phone)');
    await resident.close();
  });

  /** A resident of the demo community, with the password the harness signs in with. */
  async function register(username: string, displayName: string): Promise<string> {
    const response = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        password: `${username}-2026`,
        displayName,
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** A topic of the demo community open for voting for three days of the host's clock. */
  async function votingTopic(): Promise<{ topicId: string; title: string }> {
    const resident = await web.apiAs('demo-resident');
    const officer = await web.apiAs('demo-community-officer');
    const title = `楼道加装扶手 ${randomUUID().slice(0, 6)}`;
    const { topicId } = await resident.post(`${DELIBERATION}/topics`, { title, description: '老人上下楼不便' });
    for (const [step, body] of [
      ['screening', { outcome: 'accepted' }],
      ['consultation', {}],
      ['discussion', {}],
    ] as const) {
      await officer.post(`${DELIBERATION}/topics/${String(topicId)}/${step}`, body);
    }
    const hostNow = Date.parse((await officer.call('/health')).headers.get('date') ?? '');
    await officer.post(`${DELIBERATION}/topics/${String(topicId)}/voting`, {
      options: { kind: 'yes_no_abstain' },
      eligibility: { scope: 'community', scopeId: 'community-hexie' },
      quorumPercent: 50,
      passThresholdPercent: 50,
      // The Date header drops the milliseconds: four days stays inside the three-to-seven-day window.
      closesAt: new Date(hostNow + 4 * 864e5).toISOString(),
    });
    return { topicId: String(topicId), title };
  }
});
