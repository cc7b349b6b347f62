import { eventuallyPasses } from '@gongzhi/testing';
import { DESKTOP, startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

// Issue 24, item 7: the city admin grants an evaluator access by name, communities by name, dates in the city's zone.
describe('granting a third-party evaluator access in the staff console, in Chromium against the real host', () => {
  let web: WebHarness;
  let evaluator: ApiClient;
  let officer: ApiClient;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-evaluator-grants' });
    [evaluator, officer] = await Promise.all([web.apiAs('demo-evaluator'), web.apiAs('demo-community-officer')]);
  }, 180_000);
  afterAll(() => web?.close());

  it('lets the admin pick the evaluator and communities by name and a period of city dates, and lists the grant', async () => {
    const page = await web.signedIn('demo-admin', '/staff/evaluator-grants', { viewport: DESKTOP });
    await page.getByRole('heading', { name: '第三方评估授权', level: 1 }).waitFor();

    const form = page.getByRole('region', { name: '新的授权' });
    await form.getByLabel('评估人员').fill('吴静');
    await form.getByRole('button', { name: /^选择 吴静/ }).click();
    await form.getByRole('checkbox', { name: '和谐社区' }).check();
    await form.getByLabel('开始日期').fill('2020-01-01');
    await form.getByLabel('结束日期（含当天）').fill('2098-12-31');
    await web.expectAccessible(page, 'admin: granting an evaluator access');
    await form.getByRole('button', { name: '授权', exact: true }).click();
    await page.getByText('已授权吴静（第三方评估机构）。').waitFor();

    await eventuallyPasses(async () => {
      await page.reload();
      await page.getByRole('row', { name: /吴静（第三方评估机构）.*和谐社区.*2020-01-01 至 2098-12-31/ }).waitFor({ timeout: 2_000 });
    }, 30_000);
    await web.expectAccessible(page, 'admin: the grants in force');
    await web.shot(page, 'evaluator-grants');
    await page.close();

    // The dates were the city's: the grant begins at midnight in Shanghai and ends the midnight after the last day.
    await eventuallyPasses(async () => {
      const { grants } = await evaluator.get<{ grants: { communityIds: string[]; validFrom: string; validUntil: string }[] }>(
        '/api/dashboards/evaluation/grants/me',
      );
      expect(grants).toContainEqual({
        grantId: expect.any(String),
        communityIds: ['community-hexie'],
        validFrom: '2019-12-31T16:00:00.000Z',
        validUntil: '2098-12-31T16:00:00.000Z',
      });
    }, 30_000);
  });

  it('shows a community officer neither the screen nor the grants', async () => {
    expect((await officer.call('/api/dashboards/evaluation/grants')).status).toBe(403);
    expect((await officer.call('/api/auth/people/named?ids=demo-evaluator')).status).toBe(403);
    const page = await web.signedIn('demo-community-officer', '/staff/evaluator-grants', { viewport: DESKTOP });
    await page.getByRole('navigation', { name: '工作台' }).first().waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('link', { name: '评估授权' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '第三方评估授权' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '授权', exact: true }).count()).toBe(0);
    await page.close();
  });
});
