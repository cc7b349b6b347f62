import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventuallyPasses } from '@gongzhi/testing';
import { PHONE, startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

const WALL = { width: 1920, height: 1080 } as const;
const inHexie01 = { lat: 31.2385, long: 121.4778 };

interface Period {
  period: string;
  rewarded: number;
  unrewarded: number;
  materialSharePercent: number | null;
}

/** The day after a city day, by calendar arithmetic alone. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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

// 逐步淡化物质激励 as people see it: a resident reads ahead that a valid report will earn an honour instead of
// points, and the city dashboard shows how much of this month's participation was still paid for, in plain words.
describe('fading material rewards, in Chromium against the real host', () => {
  let web: WebHarness;
  let admin: ApiClient;
  let resident: ApiClient;
  let gridWorker: ApiClient;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-fading' });
    [admin, resident, gridWorker] = await Promise.all(['demo-admin', 'demo-resident', 'demo-grid-worker'].map((u) => web.apiAs(u)));
  }, 180_000);
  afterAll(() => web?.close());

  it('shows a resident the announced change with its first day in city time; only a city admin can announce it', async () => {
    const { today } = await resident.get<{ today: string }>('/api/points/reward-schedule');
    const from = dayAfter(today);
    const phase = { from, reward: 'honour', honourName: '文明市民表扬', note: '上报有效问题改为文明市民表扬，谢谢大家一直以来的参与。' };
    const street = await web.apiAs('demo-street-officer');
    for (const client of [street, resident]) {
      const refused = await client.call('/api/points/rules/valid-report/phases', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(phase),
      });
      expect(refused.status).toBe(403);
    }
    await admin.post('/api/points/rules/valid-report/phases', phase);

    const page = await web.signedIn('demo-resident', '/resident/points', { viewport: PHONE });
    const schedule = page.getByRole('region', { name: '奖励变化预告' });
    await schedule.waitFor();
    await schedule.getByText(`${from} 起`, { exact: false }).waitFor();
    await schedule.getByText('不再积分，改为荣誉：文明市民表扬', { exact: false }).waitFor();
    await schedule.getByText('已公布，尚未开始', { exact: false }).waitFor();
    await schedule.getByText('变化日之前的参与照旧得积分', { exact: false }).waitFor();
    await web.expectAccessible(page, 'resident: reward schedule');
    await web.shot(page, 'reward-schedule');
    await page.close();
  });

  it('puts the share of participation paid for on the city dashboard, explained, without making the wall scroll', async () => {
    // A valid report today, before the switch: paid participation this month.
    const reported = await resident.post('/api/cases', {
      categoryCode: 'environment.garbage.overflow',
      description: `垃圾桶满溢 ${randomInt(100_000)}`,
      location: inHexie01,
    });
    await gridWorker.post(`/api/cases/${reported['caseId'] as string}/accept`, {});
    let month: Period | undefined;
    await eventuallyPasses(async () => {
      const { periods } = (await (await fetch(`${web.url}/api/dashboards/points/incentive-dependency`)).json()) as { periods: Period[] };
      month = periods[periods.length - 1];
      expect(month?.rewarded).toBeGreaterThan(0);
    }, 30_000);

    const wall = await web.signedIn('demo-supervisor', '/', { viewport: WALL });
    await wall.waitForURL('**/dashboard');
    const panel = wall.getByRole('region', { name: '激励依赖度' });
    const line = panel.getByText(/没得积分 \d+ 次/);
    await eventuallyPasses(async () => {
      const text = await line.textContent();
      expect(text).toContain(`得积分 ${month!.rewarded} 次`);
      expect(text).toContain(`没得积分 ${month!.unrewarded} 次`);
      expect(text).toContain(`得积分占 ${month!.materialSharePercent}%`);
    }, 15_000);
    await expectNoScrolling(wall);
    // The plain-words explanation opens on demand.
    await panel.getByText('这个数字说明什么？').click();
    await panel.getByText('本月的参与中，有多少是拿了积分的', { exact: false }).waitFor();
    await web.expectAccessible(wall, 'dashboard: incentive dependency');
    await web.shot(wall, 'incentive-dependency');
    await wall.close();
  });
});
