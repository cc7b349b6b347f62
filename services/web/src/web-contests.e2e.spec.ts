import { randomUUID } from 'node:crypto';
import { startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

/** 竞赛化激励 in the browser: staff open and close a contest, a resident enters an idea and reads the standings. */
describe('community contests, in Chromium against the real host', () => {
  let web: WebHarness;
  let officer: ApiClient;
  /** A Shanghai day `days` from the host's own today (its Date header), so no test reads this machine's clock. */
  let cityDay: (days: number) => string;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'contests' });
    officer = await web.apiAs('demo-community-officer');
    const hostNow = new Date((await officer.call('/health')).headers.get('date')!).getTime();
    cityDay = (days) => new Date(hostNow + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  }, 180_000);

  afterAll(() => web?.close());

  it('lets the community officer open a contest, and refuses to close it before its last day, in plain words', async () => {
    const title = `金点子大赛 ${randomUUID().slice(0, 4)}`;
    const page = await web.signedIn('demo-community-officer', '/staff/contests');
    await page.getByRole('heading', { name: '发起比赛' }).waitFor();
    await page.getByLabel('比赛名称').fill(title);
    await page.getByLabel('开始日期').fill(cityDay(0));
    await page.getByLabel('结束日期（含当天）').fill(cityDay(7));
    await web.expectAccessible(page, 'staff: open a contest');
    await page.getByRole('button', { name: '发起比赛' }).click();
    await page.getByText('比赛已发起。').waitFor();
    await page.getByRole('button', { name: `结束比赛并发奖：${title}` }).click();
    await page.getByText('比赛还没结束，结束日期过后才能发奖。').waitFor();
    await web.shot(page, 'staff-contest-opened');
    await page.close();
  });

  it('closes a contest whose period is over and says how many residents won', async () => {
    const title = `上月金点子 ${randomUUID().slice(0, 4)}`;
    await officer.post('/api/points/contests', {
      kind: 'idea',
      title,
      communityId: 'community-hexie',
      startDate: cityDay(-10),
      endDate: cityDay(-1),
      prizePoints: 50,
    });
    const page = await web.signedIn('demo-community-officer', '/staff/contests');
    await page.getByRole('button', { name: `结束比赛并发奖：${title}` }).click();
    await page.getByText('比赛已结束，奖励已发放给 0 位居民。').waitFor();
    await web.expectAccessible(page, 'staff: a contest closed');
    await page.close();
  });

  it('lets a resident enter an idea, refuses a vote for their own, and shows the standings', async () => {
    const title = `楼道金点子 ${randomUUID().slice(0, 4)}`;
    const { contestId } = await officer.post('/api/points/contests', {
      kind: 'idea',
      title,
      communityId: 'community-hexie',
      startDate: cityDay(-1),
      endDate: cityDay(7),
      prizePoints: 50,
    });
    const page = await web.signedIn('demo-resident', '/resident/contests');
    await page.getByRole('heading', { name: '社区比赛', level: 1 }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByLabel('金点子标题').fill('楼下加装休息座椅');
    await page.getByLabel('具体说说').fill('老人买菜回来可以歇一歇');
    await page.getByRole('button', { name: '提交金点子' }).click();
    await page.getByText('金点子已提交。').waitFor();
    await page.getByRole('button', { name: '投这一票：楼下加装休息座椅' }).click();
    await page.getByText('不能给自己的金点子投票。').waitFor();
    await page.getByRole('row', { name: /第 1 名 楼下加装休息座椅 0 票/ }).waitFor();
    await web.expectAccessible(page, 'resident: an idea contest');
    await web.shot(page, 'resident-idea-contest');
    expect(page.url()).toContain(`/resident/contests/${String(contestId)}`);
    await page.close();
  });

  it('lets the officer name a jury by name; a juror scores, nobody scores their own idea, and others wait for the close', async () => {
    const title = `评审团金点子 ${randomUUID().slice(0, 4)}`;
    const staff = await web.signedIn('demo-community-officer', '/staff/contests');
    await staff.getByRole('heading', { name: '发起比赛' }).waitFor();
    await staff.getByLabel('比赛名称').fill(title);
    await staff.getByLabel('开始日期').fill(cityDay(0));
    await staff.getByLabel('结束日期（含当天）').fill(cityDay(7));
    await staff.getByLabel('评选方式').selectOption('jury');
    await staff.getByLabel('添加评审（输入姓名查找）').fill('王秀');
    await staff.getByRole('button', { name: '选择 王秀英 · 居民' }).click();
    await staff.getByLabel('添加评审（输入姓名查找）').fill('陈丽');
    await staff.getByRole('button', { name: /选择 陈丽华/ }).click();
    await staff.getByRole('button', { name: '移除评审 王秀英' }).waitFor();
    await web.expectAccessible(staff, 'staff: open a contest with a jury');
    await staff.getByRole('button', { name: '发起比赛' }).click();
    await staff.getByText('比赛已发起。').waitFor();

    const resident = await web.apiAs('demo-resident');
    const contests: { contestId: string; title: string }[] = await resident.get('/api/points/contests');
    const { contestId } = contests.find((c) => c.title === title)!;
    await resident.post(`/api/points/contests/${contestId}/ideas`, { title: '楼道装扶手', description: '老人上楼有个扶手' });

    const juror = await web.signedIn('demo-resident', `/resident/contests/${contestId}`);
    await juror.getByRole('heading', { name: title, level: 1 }).waitFor();
    await juror.getByText(/本次金点子由评审团评分/).waitFor();
    expect(await juror.getByRole('button', { name: '投这一票：楼道装扶手' }).count()).toBe(0);
    await juror.getByRole('button', { name: '提交评分：楼道装扶手' }).click();
    await juror.getByText('不能给自己的金点子投票。').waitFor();
    await web.expectAccessible(juror, 'resident: a juror in an idea contest');
    await juror.close();

    await staff.reload();
    const card = staff.getByRole('region', { name: title });
    await card.getByLabel('给「楼道装扶手」打分').selectOption('9');
    await card.getByRole('button', { name: '提交评分：楼道装扶手' }).click();
    await card.getByText('我的评分：9 分').waitFor();
    await card.getByRole('row', { name: /第 1 名 楼道装扶手 平均 9 分/ }).waitFor();
    // Someone neither juror nor running the contest sees no running scores.
    const bystander = await (
      await web.apiAs('demo-grid-worker')
    ).get<{ scoresHidden: boolean; standings: unknown[] }>(`/api/points/contests/${contestId}`);
    expect(bystander).toMatchObject({ scoresHidden: true, standings: [] });
    await web.expectAccessible(staff, 'staff: a juror scored an idea');
    await web.shot(staff, 'staff-jury-scored');
    await staff.close();
  });
});
