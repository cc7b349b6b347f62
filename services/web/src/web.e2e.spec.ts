import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventuallyPasses, eventuallyReturns, photoPng } from '@gongzhi/testing';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

/** The number a dashboard figure shows, read as a person reads it: the value under its label. */
async function figure(page: Page, label: string): Promise<string> {
  return (
    (await page
      .locator('.figure', { has: page.getByText(label, { exact: true }) })
      .locator('dd')
      .first() // the wall screen puts a figure's target in a second dd
      .textContent()) ?? ''
  ).trim();
}

describe('the web app, driven in Chromium against the real host', () => {
  let web: WebHarness;
  let dashboard: Page;
  const description = `菜市场门口占道经营，堵住了人行道 ${randomInt(10_000)}`;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web' });
  }, 120_000);

  afterAll(() => web?.close());

  it('shows the city dashboard to anyone, Chinese first, with nothing reported yet', async () => {
    dashboard = await web.context.newPage();
    await dashboard.setViewportSize(DESKTOP);
    await dashboard.goto(`${web.url}/dashboard`);
    await dashboard.getByRole('heading', { name: '城市治理大屏', level: 1 }).waitFor();
    expect(await dashboard.getAttribute('html', 'lang')).toBe('zh-CN');
    await eventuallyPasses(async () => expect(await figure(dashboard, '近30天反映')).toBe('0'), 15_000, 250);
    expect(await figure(dashboard, '按时办结率')).toBe('—');
    await web.expectAccessible(dashboard, 'dashboard (empty)');
  });

  it('lets a resident snap a problem with a photo and a place, and answers at once', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report');
    await resident.getByRole('heading', { name: /随手拍/, level: 1 }).waitFor();
    await resident.getByLabel('照片').setInputFiles({ name: 'stall.png', mimeType: 'image/png', buffer: photoPng() });
    await resident.getByRole('img', { name: '照片 1' }).waitFor();
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(description);
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路菜市场东门');
    await web.expectAccessible(resident, 'resident: report');
    await web.shot(resident, 'resident-report');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByText('已收到，正在处理').waitFor();
    await resident.getByRole('link', { name: '查看进展' }).click();
    await resident.getByText(/进展：.*已收到/).waitFor();
    await resident.getByRole('img', { name: '处理前 1' }).waitFor();
    await resident.close();
  });

  it('lets the grid worker accept the report and dispatch it to the department', async () => {
    const worker = await web.signedIn('demo-grid-worker', '/staff/triage', { viewport: DESKTOP });
    await worker.getByRole('heading', { name: '待受理、待分派的问题' }).waitFor();
    const item = worker.getByRole('listitem').filter({ hasText: description });
    await item.getByRole('img', { name: '处理前 1' }).waitFor(); // the resident's photo, to judge the report by
    await item.getByRole('button', { name: '受理', exact: true }).click();
    await item.getByRole('combobox', { name: '分派给' }).waitFor();
    // The category's lead department is offered first.
    expect(await item.getByRole('combobox', { name: '分派给' }).locator('option:checked').textContent()).toContain('区城管执法局');
    await web.expectAccessible(worker, 'staff: triage');
    await web.shot(worker, 'staff-triage');
    await item.getByRole('button', { name: '分派', exact: true }).click();
    await worker.getByText(description).waitFor({ state: 'detached' });
    await worker.close();
  });

  it('puts it in the department inbox with its deadline, to acknowledge and report done', async () => {
    const staff = await web.signedIn('demo-department-staff', '/staff/inbox', { viewport: DESKTOP });
    await staff.getByRole('heading', { name: '部门待办（按时限）' }).waitFor();
    await staff.getByRole('button', { name: new RegExp(description) }).click();
    const item = staff.getByRole('region', { name: '待办详情' });
    await item.getByRole('paragraph').filter({ hasText: description }).waitFor();
    await item.getByText(/签收时限.*还剩/).waitFor();
    await item.getByRole('button', { name: '签收', exact: true }).click();
    await item.getByText(/办结时限.*还剩/).waitFor();
    await item.getByLabel('处理结果').fill('已劝离摊贩，人行道已清空');
    await item
      .getByLabel('处理后')
      .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: photoPng({ width: 120, height: 90 }) });
    await web.expectAccessible(staff, 'staff: department inbox');
    await web.shot(staff, 'staff-inbox');
    await item.getByRole('button', { name: '办结', exact: true }).click();
    await staff.getByText('没有待办的派单。').waitFor();
    await staff.close();
  });

  it('lets the resident see the before and after photos, confirm the fix and rate it', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/cases');
    await resident.getByRole('link', { name: new RegExp(description) }).click();
    await eventuallyReturns(
      async () => {
        if (await resident.getByText('问题解决了吗？').isVisible()) return true;
        await resident.reload();
        await resident.getByRole('heading', { name: '占道经营', level: 1 }).waitFor();
        return false;
      },
      (shown) => shown,
      15_000,
      250,
    );
    await resident.getByRole('img', { name: '处理前 1' }).waitFor();
    await resident.getByRole('img', { name: '处理后 1' }).waitFor();
    await resident.getByText('已劝离摊贩，人行道已清空').waitFor();
    await resident.getByRole('button', { name: /解决了/ }).click();
    await resident.getByText('请为这次办理打分').waitFor();
    await resident.getByRole('radio', { name: /5 分/ }).check();
    await resident.getByLabel('想说的话（可选）').fill('处理得很快，谢谢！');
    await web.expectAccessible(resident, 'resident: case');
    await resident.getByRole('button', { name: '提交评价', exact: true }).click();
    await resident.getByText(/进展：.*已办结/).waitFor();
    await resident.getByText(/您的评价/).waitFor();
    await web.shot(resident, 'resident-case');

    // The accepted report earned points (valid report +5).
    await resident.getByRole('link', { name: /积分/ }).click();
    await resident.getByRole('heading', { name: /我的积分/ }).waitFor();
    await eventuallyReturns(
      async () => {
        if ((await figure(resident, '可用积分')) === '5') return true;
        await resident.reload();
        await resident.getByRole('heading', { name: /我的积分/ }).waitFor();
        return false;
      },
      (shown) => shown,
      15_000,
      250,
    );
    await web.expectAccessible(resident, 'resident: points');
    await web.shot(resident, 'resident-points');
    await resident.close();
  });

  it('lets the street blow the whistle, and shows the department checking in on the board', async () => {
    const street = await web.signedIn('demo-street-officer', '/staff/whistles', { viewport: DESKTOP });
    await street.getByRole('heading', { name: '吹哨报到', level: 1 }).waitFor();
    await street.getByLabel('事由').fill('河道沿线违章搭建和污水直排');
    await street.getByLabel('情况说明').fill('涉及城管和环保，请到现场联合处置。');
    await street.getByRole('checkbox', { name: '区城管执法局' }).check();
    await street.getByRole('checkbox', { name: '区生态环境局' }).check();
    await street.getByLabel('牵头部门').selectOption({ label: '区城管执法局' });
    await street.getByRole('button', { name: '吹哨', exact: true }).click();
    const whistle = street.getByRole('listitem').filter({ hasText: '河道沿线违章搭建和污水直排' });
    await whistle.getByRole('row', { name: /区生态环境局.*报到时限.*还剩/ }).waitFor();
    await web.expectAccessible(street, 'staff: whistle board');

    const staff = await web.signedIn('demo-department-staff', '/staff/whistles', { viewport: DESKTOP });
    const summons = staff.getByRole('listitem').filter({ hasText: '河道沿线违章搭建和污水直排' });
    await summons.getByText(/报到时限.*还剩/).waitFor();
    await summons.getByRole('button', { name: '报到', exact: true }).click();
    await summons.getByText('已报到').waitFor();
    await staff.close();

    await street.reload();
    await whistle.getByRole('row', { name: /区城管执法局.*已报到/ }).waitFor();
    await web.shot(street, 'staff-whistles');
    await street.close();
  });

  it('lets a resident propose a council topic in plain words', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/topics');
    await resident.getByRole('heading', { name: /议事厅/, level: 1 }).waitFor();
    await resident.getByLabel('议题', { exact: true }).fill('小区增设电动车充电桩');
    await resident.getByLabel('说明').fill('电动车在楼道充电有火灾隐患，建议在车棚增设充电桩。');
    await resident.getByRole('button', { name: '提交议题' }).click();
    await resident.getByText('议题已提交，社区会尽快审核。').waitFor();
    await resident.getByRole('link', { name: /小区增设电动车充电桩.*待审核/ }).waitFor();
    await web.expectAccessible(resident, 'resident: topics');
    await web.shot(resident, 'resident-topics');
    await resident.close();
  });

  it('lets residents start a small project and join it, the officer approve a resource, and shows the fund ledger and a consent code', async () => {
    const neighbour = `neighbour-${randomInt(100_000)}`;
    const registered = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: neighbour,
        password: `${neighbour}-2026`,
        displayName: '邻居 张阿姨',
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      }),
    });
    expect(registered.status).toBe(201);

    const officer = await web.signedIn('demo-community-officer', '/staff/projects', { viewport: DESKTOP });
    await officer.getByRole('heading', { name: '共建项目：资源申请审批', level: 1 }).waitFor();
    await officer.getByLabel('名称', { exact: true }).fill('社区活动室');
    await officer.getByLabel('说明', { exact: true }).fill('一楼，可坐 30 人');
    await officer.getByRole('button', { name: '登记', exact: true }).click();
    await officer.getByText('资源已登记。').waitFor();

    const resident = await web.signedIn('demo-resident', '/resident/co-building');
    await resident.getByRole('heading', { name: /社区共建/, level: 1 }).waitFor();
    await resident.getByLabel('项目名称').fill('楼道图书角');
    await resident.getByLabel('一句话说明').fill('在一楼大厅放一个书架，大家换书看');
    await resident.getByRole('button', { name: '发起项目' }).click();
    await resident.getByText('项目已发起，您是负责人。').waitFor();
    const mine = resident.getByRole('listitem').filter({ has: resident.getByRole('heading', { name: '楼道图书角' }) });
    await mine.getByText('团队 1 人').waitFor();
    await web.expectAccessible(resident, 'resident: co-building');

    const joiner = await web.signedIn(neighbour, '/resident/co-building');
    const project = joiner.getByRole('listitem').filter({ has: joiner.getByRole('heading', { name: '楼道图书角' }) });
    await project.getByRole('button', { name: '加入团队' }).click();
    await project.getByText('已加入团队，欢迎！').waitFor();
    await project.getByText('团队 2 人').waitFor();
    await project.getByText('申请社区资源').click();
    await project.getByLabel('选择资源（场地、物品、技能）').selectOption({ label: '场地 · 社区活动室' });
    await project.getByLabel('用来做什么').fill('每周六下午办换书会');
    await project.getByRole('button', { name: '提交申请' }).click();
    await project.getByText(/每周六下午办换书会.*待审批/).waitFor();
    await joiner.close();

    await officer.reload();
    const request = officer.getByRole('listitem').filter({ hasText: '楼道图书角' });
    await request.getByText(/每周六下午办换书会/).waitFor();
    await web.expectAccessible(officer, 'staff: project approvals');
    await web.shot(officer, 'staff-project-approvals');
    await request.getByRole('button', { name: '批准', exact: true }).click();
    await request.getByText('已批准。').waitFor();

    await resident.reload();
    await mine.getByText(/每周六下午办换书会.*已批准/).waitFor();
    await mine.getByText('登记一笔收入').click();
    await mine.getByLabel('收入来源').selectOption({ label: '场地租金' });
    await mine.getByLabel('说明', { exact: true }).fill('周末借场地给舞蹈队');
    await mine.getByLabel('金额（元）').fill('100');
    await mine.getByRole('button', { name: '登记收入' }).click();
    await mine.getByText('收入已登记，已按比例分账。').waitFor();
    const ledger = resident.getByRole('table', { name: '社区基金公开账本' });
    const row = ledger.getByRole('row', { name: /楼道图书角/ });
    await eventuallyPasses(async () => expect(await row.textContent()).toMatch(/场地租金.*100.*70（70%）.*30（30%）/), 15_000, 250);
    await web.expectAccessible(resident, 'resident: co-building with the ledger');
    await web.shot(resident, 'resident-co-building');

    await resident.getByRole('link', { name: /议事厅/ }).click();
    await resident.getByRole('link', { name: /我的代办记录/ }).click();
    await resident.getByRole('heading', { name: '我的代办记录', level: 1 }).waitFor();
    await resident.getByRole('button', { name: '生成同意码' }).click();
    expect(((await resident.locator('.consent-code').textContent()) ?? '').trim()).toMatch(/^\d{6}$/);
    await resident.getByText('还没有代办记录。').waitFor();
    await web.expectAccessible(resident, 'resident: assisted');
    await web.shot(resident, 'resident-assisted');

    await resident.getByRole('link', { name: /更多/ }).click();
    await resident.getByRole('link', { name: /微实事/ }).click();
    await resident.getByRole('heading', { name: /民生微实事/, level: 1 }).waitFor();
    await resident.getByText('今年的资金池还没有开放。').waitFor();
    await web.expectAccessible(resident, 'resident: micro-budget');
    await resident.close();

    // A council meeting with its ground rules, then its public live page.
    await officer.getByRole('link', { name: '议事会' }).click();
    await officer.getByLabel('会议名称').fill('电动车充电桩议事会');
    await officer.getByLabel('议程（每行一项）').fill('充电桩选址\n费用分摊');
    await officer.getByRole('button', { name: '召集', exact: true }).click();
    await officer.getByRole('link', { name: '电动车充电桩议事会' }).click();
    await officer.getByRole('heading', { name: '电动车充电桩议事会', level: 1 }).waitFor();
    await officer.getByText('不打断').waitFor();
    await officer.getByRole('button', { name: '开始会议' }).click();
    await officer.getByLabel('决定内容').fill('在 3 号车棚增设 10 个充电桩');
    await officer.getByLabel('赞成').fill('12');
    await officer.getByRole('button', { name: '记录决定' }).click();
    await officer.getByText('在 3 号车棚增设 10 个充电桩').waitFor();
    await web.expectAccessible(officer, 'staff: council meeting');
    await web.shot(officer, 'staff-council');
    const meetingPath = new URL(officer.url()).pathname.replace('/staff/council/', '/meetings/');
    await officer.close();

    const publicPage = await web.context.newPage();
    await publicPage.setViewportSize(DESKTOP);
    await publicPage.goto(`${web.url}${meetingPath}`);
    await publicPage.getByRole('heading', { name: /议事会公开记录/, level: 1 }).waitFor();
    await publicPage.getByText('不批评').waitFor();
    await publicPage.getByText('在 3 号车棚增设 10 个充电桩').waitFor();
    await web.expectAccessible(publicPage, 'public: live meeting');
    await web.shot(publicPage, 'public-meeting');
    await publicPage.close();
  });

  it('updates the open dashboard by itself: one case, resolved on time, rated 5, and the department in the league table', async () => {
    await eventuallyPasses(async () => expect(await figure(dashboard, '近30天反映')).toBe('1'), 20_000, 250);
    await eventuallyPasses(async () => expect(await figure(dashboard, '按时办结率')).toBe('100%'), 20_000, 250);
    await eventuallyPasses(async () => expect(await figure(dashboard, '满意度（5 分制）')).toBe('5'), 20_000, 250);
    const league = dashboard.getByRole('region', { name: '部门排行榜' });
    await eventuallyPasses(
      async () => expect(await league.getByRole('row', { name: /区城管执法局/ }).textContent()).toContain('100%'),
      20_000,
      250,
    );
    // The project started, approved and paid for above: 100 yuan, 30 of them to the community fund.
    await eventuallyPasses(async () => expect(await figure(dashboard, '共建项目')).toBe('1'), 20_000, 250);
    expect(await figure(dashboard, '资源申请通过率')).toBe('100%');
    expect(await figure(dashboard, '近30天进入社区公益金（元）')).toBe('30');

    // Every chart can be read as a table.
    const chart = dashboard.getByRole('figure', { name: '每天的问题：反映与办结' });
    await chart.getByRole('button', { name: '用表格看' }).click();
    const table = chart.getByRole('table');
    await table.getByRole('columnheader', { name: '反映' }).waitFor();
    expect(await table.getByRole('cell', { name: '1', exact: true }).count()).toBeGreaterThanOrEqual(1);
    await web.expectAccessible(dashboard, 'dashboard (after the loop)');
    await web.shot(dashboard, 'dashboard');

    await dashboard.getByRole('button', { name: 'Switch to English' }).click();
    await dashboard.getByRole('heading', { name: 'City dashboard', level: 1 }).waitFor();
    expect(await dashboard.getAttribute('html', 'lang')).toBe('en');
    await web.expectAccessible(dashboard, 'dashboard (English)');
  });
  it('brings a case the resident says is not fixed back to the department, with the resident’s own words', async () => {
    const second = `路灯不亮，晚上看不清台阶 ${randomInt(10_000)}`;
    // The dashboard was left in English; the language is kept for the whole browser, like a resident's choice.
    if ((await dashboard.getAttribute('html', 'lang')) === 'en') {
      await dashboard.getByRole('button', { name: '切换到中文' }).click();
      await dashboard.getByRole('heading', { name: '城市治理大屏', level: 1 }).waitFor();
    }
    const resident = await web.signedIn('demo-resident', '/resident/report');
    await resident.getByLabel('照片').setInputFiles({ name: 'stall-again.png', mimeType: 'image/png', buffer: photoPng() });
    await resident.getByRole('img', { name: '照片 1' }).waitFor();
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(second);
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路菜市场西门');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByText('已收到，正在处理').waitFor();

    const worker = await web.signedIn('demo-grid-worker', '/staff/triage', { viewport: DESKTOP });
    const report = worker.getByRole('listitem').filter({ hasText: second });
    await report.getByRole('button', { name: '受理', exact: true }).click();
    await report.getByRole('button', { name: '分派', exact: true }).click();
    await worker.getByText(second).waitFor({ state: 'detached' });
    await worker.close();

    const staff = await web.signedIn('demo-department-staff', '/staff/inbox', { viewport: DESKTOP });
    const row = staff.getByRole('button', { name: new RegExp(second) });
    await row.click();
    const assignment = staff.getByRole('region', { name: '待办详情' });
    await assignment.getByRole('paragraph').filter({ hasText: second }).waitFor();
    await assignment.getByRole('button', { name: '签收', exact: true }).click();
    await assignment.getByLabel('处理结果').fill('已清理');
    await assignment.getByRole('button', { name: '办结', exact: true }).click();
    await row.waitFor({ state: 'detached' });

    await resident.goto(`${web.url}/resident/cases`);
    await resident.getByRole('link', { name: new RegExp(second) }).click();
    await eventuallyReturns(
      async () => {
        if (await resident.getByText('问题解决了吗？').isVisible()) return true;
        await resident.reload();
        return false;
      },
      (shown) => shown,
      15_000,
      250,
    );
    await resident.getByRole('button', { name: /没解决/ }).click();
    await resident.getByLabel('还有什么问题').fill('摊位第二天又摆回来了');
    await resident.getByRole('button', { name: '提交', exact: true }).click();
    await resident.getByText(/进展：.*重新办理/).waitFor();
    await resident.close();

    // Back in the department's queue as new work, saying why (three services pass it on: give a loaded machine time).
    await eventuallyReturns(
      async () => {
        await staff.reload();
        await staff.getByRole('heading', { name: '部门待办（按时限）' }).waitFor();
        return row.isVisible();
      },
      (shown) => shown,
      45_000,
      250,
    );
    await row.click();
    const reopened = staff.getByRole('region', { name: '待办详情' });
    await reopened.getByText('居民反映问题仍在：').waitFor();
    await reopened.getByText('摊位第二天又摆回来了').waitFor();
    await reopened.getByRole('button', { name: '签收', exact: true }).waitFor();
    await web.expectAccessible(staff, 'staff: department inbox (reopened case)');
    await staff.close();
  });

  it('breaks no rule of the Content-Security-Policy the host puts on every answer', () => {
    expect(web.policyViolations).toEqual([]);
  });
});
