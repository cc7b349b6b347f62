import { randomInt } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

const inHexie01 = { lat: 31.2385, long: 121.4778 };

// Issue 24, item 7: the evaluator's desk and its report form, and the league table anyone may read and export.
describe('third-party evaluation in the browser: the evaluator’s desk and the public league table', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-evaluation' });
    const [admin, evaluator, resident, gridWorker, officer] = await Promise.all(
      ['demo-admin', 'demo-evaluator', 'demo-resident', 'demo-grid-worker', 'demo-community-officer'].map((u) => web.apiAs(u)),
    );
    // A case of 和谐社区 fixed by the grid worker and rated 4 by the resident who reported it.
    const reported = await resident.post('/api/cases', {
      categoryCode: 'order.street-vending',
      description: `小区门口占道摆摊 ${randomInt(100_000)}`,
      location: inHexie01,
      photoIds: [],
      anonymous: false,
    });
    const caseId = reported['caseId'] as string;
    await gridWorker.post(`/api/cases/${caseId}/accept`, {});
    await officer.post(`/api/cases/${caseId}/dispatch`, { assigneeKind: 'grid_worker' });
    await gridWorker.post(`/api/cases/${caseId}/acknowledge`, {});
    await gridWorker.post(`/api/cases/${caseId}/resolve`, { notes: '已劝离' });
    await resident.post(`/api/cases/${caseId}/confirm`, {});
    await resident.post(`/api/cases/${caseId}/evaluate`, { score: 4 });
    await admin.post('/api/department-dispatch/evaluator-grants', {
      evaluatorId: evaluator.principal.subject,
      communityIds: ['community-hexie'],
      validFrom: '2020-01-01T00:00:00+08:00',
      validUntil: '2099-01-01T00:00:00+08:00',
    });
  }, 120_000);
  afterAll(() => web?.close());

  it('lands the evaluator on its desk: the granted community’s figures and cases, no reporter, and a report it publishes', async () => {
    const page = await web.signedIn('demo-evaluator', '/', { viewport: DESKTOP });
    await page.waitForURL('**/evaluation');
    await page.getByRole('heading', { name: '第三方评估', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: '社区' }).getByRole('option', { name: '和谐社区' }).waitFor({ state: 'attached' });
    const cases = page.getByRole('region', { name: '本月的问题' });
    await eventuallyPasses(async () => expect(await cases.getByRole('row').count()).toBeGreaterThan(1), 15_000, 250);
    // The resident who reported (王秀英) is nowhere on the evaluator's screen.
    expect(await page.getByText('王秀英').count()).toBe(0);

    await page.getByLabel('事件处置得分（0–100）').fill('80');
    await page.getByLabel('居民参与得分（0–100）').fill('70');
    await page.getByLabel('信息公开得分（0–100）').fill('90');
    await page.getByLabel('评估意见').fill('处置及时，参与面仍可扩大。');
    await page.getByRole('button', { name: '发布报告' }).click();
    await page.getByText('报告已发布（第 1 版）。').waitFor();
    await page.getByText('第 1 版 · 现行版本').waitFor({ timeout: 15_000 });
    // Published once, a change is a correction: the form now asks why.
    await page.getByLabel(/更正原因/).waitFor();
    await web.expectAccessible(page, 'evaluator desk with a published report');
    await web.shot(page, 'desk');
    await page.close();
  });

  it('publishes the league table to anyone, with the community’s score and a CSV to download', async () => {
    const page = await web.context.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${web.url}/dashboard/league-table`);
    await page.getByRole('heading', { name: '排行榜与第三方评估', level: 1 }).waitFor();
    const communities = page.getByRole('table', { name: '社区第三方评估得分' });
    await eventuallyPasses(
      async () => expect(await communities.getByRole('row', { name: /和谐社区/ }).textContent()).toMatch(/和谐社区\s*80/),
      15_000,
      250,
    );
    await page
      .getByRole('table', { name: '办事人员满意度排行' })
      .getByRole('row', { name: /第 1 名办事人员/ })
      .waitFor();
    const csv = await page.getByRole('link', { name: '下载表格（CSV）' }).getAttribute('href');
    const download = await fetch(`${web.url}${csv}`);
    expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await download.text()).toContain('community,1,community-hexie,,,,,,,,80');
    await web.expectAccessible(page, 'league table');
    await web.shot(page, 'league-table');
    await page.close();
  });

  it('breaks no rule of the Content-Security-Policy', () => {
    expect(web.policyViolations).toEqual([]);
  });
});
