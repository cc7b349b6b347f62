import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventuallyPasses } from '@gongzhi/testing';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

/** The phone of the walk: an older resident's 390 px screen. */
const PHONE_390 = { width: 390, height: 844 } as const;
const inHexie01 = { latitude: 31.2385, longitude: 121.4778 };
/** A few metres from it: the same pothole, seen by a neighbour. */
const besideIt = { latitude: 31.23853, longitude: 121.47783 };

/** WCAG's contrast ratio of two CSS colours as the browser computed them (`rgb(…)`/`rgba(…)`). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The focused element's ring and what it is drawn on (the nearest ancestor with a background), from computed styles. */
async function focusRing(page: Page): Promise<{ ring: string; style: string; width: number; behind: string }> {
  return page.evaluate(`(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    let behind = 'rgb(255, 255, 255)';
    for (let node = element.parentElement; node; node = node.parentElement) {
      const background = getComputedStyle(node).backgroundColor;
      if (background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') {
        behind = background;
        break;
      }
    }
    return { ring: style.outlineColor, style: style.outlineStyle, width: parseFloat(style.outlineWidth), behind };
  })()`);
}

async function heightShare(page: Page, selector: string): Promise<number> {
  return page.evaluate(`document.querySelector('${selector}').getBoundingClientRect().height / window.innerHeight`);
}

describe("the resident's phone: a map that needs no tile server, the grid the server will use, and a layout that leaves room", () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-resident' });
  }, 180_000);
  afterAll(async () => {
    await web?.close();
  });

  it('draws the grids with no base map, and a tap shows the grid and address the server files the report under', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report', { viewport: PHONE_390 });
    await resident.getByRole('heading', { name: /随手拍/, level: 1 }).waitFor();
    const map = resident.getByRole('application', { name: '地图：点一下问题所在的地方' });
    await map.waitFor();
    const grids = map.locator('path.leaflet-interactive');
    expect(await grids.count()).toBe(7);
    // Nothing asked of a tile server: the machine has none.
    expect(await map.locator('img.leaflet-tile').count()).toBe(0);

    await resident.getByLabel('是什么问题').selectOption({ label: '道路坑洼' });
    const description = `井盖边的路面塌了一块 ${randomInt(100_000)}`;
    await resident.getByLabel('说几句话').fill(description);
    // The fifth grid of the city is 幸福社区第二网格, not the resident's home grid (和谐社区第一网格).
    await grids.nth(4).click();
    await resident.getByText('这里属于：幸福社区第二网格（幸福社区）').waitFor();
    await resident.getByText(/发送的地址：南京东路街道幸福社区幸福社区第二网格/).waitFor();
    expect(await resident.getByLabel('或者选择所在网格').inputValue()).toBe('grid-xingfu-02');
    await web.expectAccessible(resident, 'resident: report with the map (phone)');
    await web.shot(resident, 'report-map-phone');

    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByText('已收到，正在处理').waitFor();
    const mine = await web.apiAs('demo-resident');
    const { cases } = await mine.get<{ cases: { description: string; gridId: string }[] }>('/api/cases?mine=true');
    expect(cases.find((c) => c.description === description)?.gridId).toBe('grid-xingfu-02');
    await resident.close();
  });

  it('places the pin without dragging: from the keyboard, and from the list of grids', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report', { viewport: PHONE_390 });
    const map = resident.getByRole('application', { name: '地图：点一下问题所在的地方' });
    await map.focus();
    await resident.keyboard.press('ArrowUp');
    await resident.getByRole('button', { name: '把标记放在地图中间' }).focus();
    await resident.keyboard.press('Enter');
    await resident.getByText(/这里属于：/).waitFor();

    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第二网格' });
    await resident.getByText('这里属于：和谐社区第二网格（和谐社区）').waitFor();
    await resident.close();
  });

  it('asks "someone already reported this — follow it?" before a neighbour sends the same problem, follows it, and tells the reporter which case moved', async () => {
    const reporter = await web.apiAs('demo-resident');
    const description = `菜场门口路面坑洼 ${String(randomInt(100_000)).padStart(5, '0')}`;
    const reported = await reporter.post('/api/cases', {
      categoryCode: 'city.road.pothole',
      description,
      location: { lat: inHexie01.latitude, long: inHexie01.longitude },
    });
    await (await web.apiAs('demo-grid-worker')).post(`/api/cases/${String(reported['caseId'])}/accept`, {});

    const neighbour = `neighbour-${randomInt(1_000_000)}`;
    const registered = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: neighbour,
        password: `${neighbour}-2026`,
        displayName: '邻居 王大爷',
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      }),
    });
    expect(registered.status).toBe(201);

    await web.allowGeolocation(besideIt);
    const page = await web.signedIn(neighbour, '/resident/report', { viewport: DESKTOP });
    await page.getByLabel('是什么问题').selectOption({ label: '道路坑洼' });
    await page.getByRole('button', { name: '用我现在的位置' }).click();
    await page.getByText('这里属于：和谐社区第一网格（和谐社区）').waitFor();
    const nearby = page.getByRole('region', { name: '附近已经有人反映了同样的问题' });
    const theirs = nearby.getByRole('listitem').filter({ hasText: description });
    await theirs.waitFor();
    await web.expectAccessible(page, 'resident: someone already reported this (desktop)');
    await web.shot(page, 'report-nearby-desktop');
    await theirs.getByRole('button', { name: '关注这件事' }).click();
    await theirs.getByText(/已关注/).waitFor();
    await theirs.getByRole('link', { name: '查看进展' }).click();
    await page.getByText(description).waitFor();
    await page.close();

    // The reporter's messages say which case they are about, by its kind and words, with a link to it.
    const own = await web.signedIn('demo-resident', '/resident/cases', { viewport: PHONE_390 });
    const messages = own.getByRole('region', { name: '消息' });
    const about = messages.getByRole('link', { name: `关于：道路坑洼 · ${description.slice(0, 12)}…` }).first();
    await about.waitFor();
    await web.expectAccessible(own, 'resident: my reports and messages (phone)');
    await about.click();
    await own.getByText(description).waitFor();
    await own.close();
  });

  it('leaves the phone screen to the task: a small header, no staff links, five tabs on one line, in large text too', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report', { viewport: PHONE_390 });
    await resident.getByRole('heading', { name: /随手拍/, level: 1 }).waitFor();
    expect(await resident.getByRole('link', { name: '工作台' }).count()).toBe(0);
    expect(await resident.getByRole('link', { name: '城市大屏' }).count()).toBe(0);
    const tabs = resident.getByRole('navigation', { name: '居民' }).getByRole('link');
    expect(await tabs.allInnerTexts()).toEqual(['随手拍', '我的反映', '议事厅', '积分', '更多']);

    const walk = async (state: string) => {
      expect({ state, header: (await heightShare(resident, '.app-header')) < 0.15 }).toEqual({ state, header: true });
      // Each tab's words on one line, every tab in one row.
      const layout = (await resident.evaluate(`[...document.querySelectorAll('.tab')].map((tab) => {
        const label = tab.querySelector('.tab-label');
        return {
          top: Math.round(tab.getBoundingClientRect().top),
          lines: Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight)),
        };
      })`)) as { top: number; lines: number }[];
      expect({ state, rows: new Set(layout.map((t) => t.top)).size, lines: layout.map((t) => t.lines) }).toEqual({
        state,
        rows: 1,
        lines: [1, 1, 1, 1, 1],
      });
      // No colour emoji anywhere: icons are the app's SVGs.
      expect(await resident.evaluate('/\\p{Extended_Pictographic}/u.test(document.body.innerText)')).toBe(false);
    };
    await walk('normal text');
    await web.shot(resident, 'phone-layout');
    await resident.getByRole('button', { name: '大字' }).click();
    await resident.getByRole('button', { name: '标准字' }).waitFor();
    await walk('large text');
    await web.expectAccessible(resident, 'resident: report in large text (phone)');
    await web.shot(resident, 'phone-layout-large-text');

    await tabs.filter({ hasText: '更多' }).click();
    await resident.getByRole('heading', { name: '更多', level: 1 }).waitFor();
    await resident.getByRole('link', { name: /微实事/ }).waitFor();
    await web.expectAccessible(resident, 'resident: more (phone, large text)');
    await resident.getByRole('button', { name: '标准字' }).click();
    await resident.close();
  });

  it('keeps the send button above the tab bar when the keyboard reaches it, with a focus ring of at least 3:1', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report', { viewport: PHONE_390 });
    // Tabbed to again until the form has settled: the map and lists that arrive later move the button down.
    await eventuallyPasses(async () => {
      await resident.getByLabel('匿名反映（公开时不显示我的名字）').focus();
      await resident.keyboard.press('Tab');
      expect(await resident.evaluate(`document.activeElement?.textContent`)).toBe('发送');
      const { button, bar } = (await resident.evaluate(`({
        button: document.activeElement.getBoundingClientRect().bottom,
        bar: document.querySelector('.tab-bar').getBoundingClientRect().top,
      })`)) as { button: number; bar: number };
      expect(button).toBeLessThanOrEqual(bar);
    }, 15_000);
    const ring = await focusRing(resident);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.ring, ring.behind)).toBeGreaterThanOrEqual(3);
    await web.shot(resident, 'send-focused');

    // The header's controls sit on red: their ring is white there, and must hold 3:1 against it as well.
    await resident.getByRole('button', { name: '大字' }).focus();
    await resident.keyboard.press('Shift+Tab');
    await resident.keyboard.press('Tab');
    const headerRing = await focusRing(resident);
    expect(contrast(headerRing.ring, headerRing.behind)).toBeGreaterThanOrEqual(3);
    await resident.close();
  });

  it('reads every day of a chart to a screen reader, not the first ten', async () => {
    const page = await web.context.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${web.url}/dashboard`);
    const figure = page.getByRole('figure', { name: '每天参与的居民' });
    const label = (await figure.locator('.chart').getAttribute('aria-label')) ?? '';
    await figure.getByRole('button', { name: '用表格看' }).click();
    const days = await figure.getByRole('rowheader').allInnerTexts();
    expect(days.length).toBeGreaterThan(10);
    for (const day of days) expect(label).toContain(`${day} `);
    await page.close();
  });
});
