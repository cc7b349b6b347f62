import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventuallyPasses } from '@gongzhi/testing';
import { startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

const WALL = { width: 1920, height: 1080 } as const;
const inHexie01 = { lat: 31.2385, long: 121.4778 };

/** What a wall screen must never do: need scrolling. */
async function expectNoScrolling(page: Page) {
  const { scrollHeight, scrollWidth, innerHeight, innerWidth } = (await page.evaluate(`({
    scrollHeight: document.scrollingElement.scrollHeight,
    scrollWidth: document.scrollingElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  })`)) as Record<string, number>;
  expect({ scrollHeight, scrollWidth }).toEqual({
    scrollHeight: Math.min(scrollHeight, innerHeight),
    scrollWidth: Math.min(scrollWidth, innerWidth),
  });
}

describe('the city leader’s wall screen (城市治理大屏) at 1920×1080', () => {
  let web: WebHarness;
  let gridWorker: ApiClient;
  let street: ApiClient;
  let department: ApiClient;
  let wall: Page;

  beforeAll(async () => {
    // page.route below rewrites the API's answers, which Playwright cannot do for what a service worker fetches.
    web = await startWebHarness({ name: 'web-wall', serviceWorkers: 'block' });
    [gridWorker, street, department] = await Promise.all(
      ['demo-grid-worker', 'demo-street-officer', 'demo-department-staff'].map((u) => web.apiAs(u)),
    );
  }, 120_000);
  afterAll(() => web?.close());

  /** A report accepted by the grid worker: from then on it is public, and a pin on the wall. */
  async function acceptedCase(description: string): Promise<string> {
    const reported = await gridWorker.post('/api/cases', { categoryCode: 'order.street-vending', description, location: inHexie01 });
    const caseId = reported['caseId'] as string;
    await gridWorker.post(`/api/cases/${caseId}/accept`, {});
    return caseId;
  }

  const pins = (page: Page) => page.getByRole('region', { name: '各网格按时办结率与在办问题' }).locator('svg circle');

  it('fills one screen without scrolling: the grid map with live pins, targets, trends, whistles per department and the essay’s comparison', async () => {
    const first = await acceptedCase(`菜市场门口占道经营 ${randomInt(100_000)}`);
    await street.post(`/api/cases/${first}/dispatch`, { assigneeKind: 'department' });
    const whistle = await street.post('/api/department-dispatch/streets/street-nanjingdong/whistles', {
      title: `河道沿线违章搭建 ${randomInt(100_000)}`,
      description: '涉及城管和环保，请到现场联合处置。',
      departmentIds: ['dept-chengguan', 'dept-huanbao'],
      leadDepartmentId: 'dept-chengguan',
    });
    await department.post(`/api/department-dispatch/whistles/${whistle['whistleId'] as string}/check-in`, {});

    // The district's supervisor lands on the wall screen after signing in.
    wall = await web.signedIn('demo-supervisor', '/', { viewport: WALL });
    await wall.waitForURL('**/dashboard');
    await wall.getByRole('heading', { name: '城市治理大屏', level: 1 }).waitFor();
    await wall
      .getByRole('status')
      .filter({ hasText: /实时更新中|数据已更新/ })
      .waitFor();

    const map = wall.getByRole('region', { name: '各网格按时办结率与在办问题' });
    await map.getByRole('img', { name: '各网格按时办结率与在办问题：南京东路街道' }).waitFor();
    const organisation = (await (await fetch(`${web.url}/api/organisation`)).json()) as {
      districts: { streets: { communities: { grids: unknown[] }[] }[] }[];
    };
    const grids = organisation.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids))).length;
    expect(await map.locator('polygon').count()).toBe(grids);
    await map.locator('text').filter({ hasText: '和谐社区第一网格' }).waitFor();
    await eventuallyPasses(async () => expect(await pins(wall).count()).toBe(1), 15_000, 250);

    // Targets beside the figures, met or not in words.
    await wall
      .locator('.figure', { has: wall.getByText('按时办结率', { exact: true }) })
      .getByText('目标 ≥ 90%')
      .waitFor();
    await wall
      .locator('.figure', { has: wall.getByText('吹哨按时报到率', { exact: true }) })
      .getByText(/目标 ≥ 100%.*达标/)
      .waitFor();
    // The essay's two reference cities, beside this city's own figures.
    const compare = wall.getByRole('region', { name: '与文中的先进做法对照' });
    await compare.getByText('杭州“城市大脑”：平均 3 天 → 4.2 小时').waitFor();
    await compare.getByText('北京东城“吹哨报到”：平均 45 天 → 7 天').waitFor();
    expect(await compare.getByText('尚无已办结的数据').count()).toBe(2);
    // Whistles per department: 城管 was summoned once and checked in on time.
    const whistles = wall.getByRole('region', { name: '各部门吹哨报到' });
    await eventuallyPasses(
      async () => expect(await whistles.getByRole('row', { name: /区城管执法局/ }).textContent()).toMatch(/区城管执法局1100%0/),
      15_000,
      250,
    );
    await wall.getByRole('figure', { name: '每天的问题：反映与办结' }).waitFor();
    await wall.getByRole('figure', { name: '每天参与的居民' }).waitFor();

    await web.shot(wall, '1920x1080');
    await expectNoScrolling(wall);
    await web.expectAccessible(wall, 'wall screen at 1920×1080');
  });

  it('puts a newly accepted case on the open wall as a pin, without a reload', async () => {
    await acceptedCase(`人行道被三轮车占用 ${randomInt(100_000)}`);
    await eventuallyPasses(async () => expect(await pins(wall).count()).toBe(2), 15_000, 250);
    await expectNoScrolling(wall);
  });

  it('shows an early warning on the open wall with its reason in plain words, and still fits one screen', async () => {
    // A third report of street vending at the same spot within four weeks is a problem that keeps coming back (预警).
    await acceptedCase(`菜市场门口又有人占道经营 ${randomInt(100_000)}`);
    const warnings = wall.getByRole('region', { name: '预警' });
    await eventuallyPasses(
      async () => expect(await warnings.getByRole('listitem').filter({ hasText: '问题反复出现' }).count()).toBeGreaterThan(0),
      15_000,
      250,
    );
    await warnings
      .getByText(/150 米内，28 天里已是第 3 次反映同类问题：问题在反复出现，建议查找根源/)
      .first()
      .waitFor();
    await expectNoScrolling(wall);
    await web.expectAccessible(wall, 'wall screen with an early warning');
    await web.shot(wall, 'warning');
  });

  it('says plainly when the figures cannot be read, and stops claiming to be live', async () => {
    const page = await web.context.newPage();
    await page.setViewportSize(WALL);
    await page.route('**/api/dashboards/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 503, code: 'SERVICE.UNAVAILABLE', message: 'the read models are not available' }),
      }),
    );
    await page.goto(`${web.url}/dashboard`);
    await page.getByRole('alert').filter({ hasText: '数据暂时读不到，大屏上的数字不是最新的' }).waitFor();
    await page.getByRole('alert').filter({ hasText: '服务器暂时忙不过来' }).first().waitFor();
    expect(await page.getByText(/实时更新中|数据已更新/).count()).toBe(0);
    expect(await page.getByText('暂无数据').count()).toBe(0);
    await expectNoScrolling(page);
    await web.expectAccessible(page, 'wall screen, API failing');
    await web.shot(page, 'api-failing');
    await page.close();
  });

  it('breaks no rule of the Content-Security-Policy', () => {
    expect(web.policyViolations).toEqual([]);
  });
});
