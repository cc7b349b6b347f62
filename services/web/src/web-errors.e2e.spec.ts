import { randomUUID } from 'node:crypto';
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { eventuallyPasses } from '@gongzhi/testing';
import { CHROMIUM } from './testing/browser';
import { DESKTOP, PHONE, startWebHarness, type Viewport, type WebHarness } from './testing/web-harness';
const FIVE_MB = 5 * 1024 * 1024;
/** 07:30 on 11 March 2026 in the city; still 10 March in UTC and in New York (19:30, daylight saving time). */
const BEFORE_EIGHT_IN_THE_CITY = new Date('2026-03-10T23:30:00Z');

describe('the web app when the server refuses, a photo is large, the ledger spends and the browser is elsewhere', () => {
  let web: WebHarness;

  /**
   * The demo resident's one tab, signed in once: the issuer allows ten logins a minute per account, and a
   * page load keeps the tab's session.
   */
  let residentTab: Page | undefined;
  async function residentAt(path: string, viewport: Viewport = PHONE): Promise<Page> {
    if (!residentTab) return (residentTab = await web.signedIn('demo-resident', path, { viewport }));
    await residentTab.setViewportSize(viewport);
    await residentTab.goto(`${web.url}${path}`);
    await residentTab.getByRole('button', { name: '退出登录' }).waitFor();
    return residentTab;
  }

  beforeAll(async () => {
    // Some answers here are rewritten by page.route, which cannot reach what a service worker fetches.
    web = await startWebHarness({ name: 'web-errors', serviceWorkers: 'block' });
  }, 120_000);

  afterAll(() => web?.close());

  it('shows a refusal in plain Chinese next to the field at fault, and takes the report once the field is fixed', async () => {
    // The phone says the resident stands in Beijing: the server refuses the place, naming the field `location`.
    await web.allowGeolocation({ latitude: 39.9087, longitude: 116.3975 });
    const resident = await residentAt('/resident/report');
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(`人行道被摊位占了 ${randomUUID()}`);
    await resident.getByRole('button', { name: '用我现在的位置' }).click();
    await resident.getByText(/已定位/).waitFor();
    await resident.getByRole('button', { name: '发送', exact: true }).click();

    const where = resident.getByRole('group', { name: '在哪里' });
    await where.getByText('这个位置不在本市范围内，请重新定位，或选择所在网格。').waitFor();
    const summary = resident.getByRole('alert').filter({ hasText: '这个位置不在本市范围内' }).first();
    expect(await summary.textContent()).not.toMatch(/[A-Za-z]/); // no server English, no "is not a function"
    expect(await resident.locator('main').textContent()).not.toMatch(/is not a function|lies outside|HTTP \d/);
    await web.expectAccessible(resident, 'report refused: place outside the city');
    await web.shot(resident, 'refused-place');

    // Choosing the grid by hand is the fix: the field's message goes at once, and the report is taken.
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await where.getByText('这个位置不在本市范围内').waitFor({ state: 'detached' });
    await resident.getByLabel('地址或地标').fill('和谐路菜市场东门');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByText('已收到，正在处理').waitFor();
  });

  it('says every missing answer at once, each next to its field', async () => {
    const resident = await residentAt('/resident/report');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.locator('.field-error').first().waitFor();
    expect(await resident.getByLabel('是什么问题').getAttribute('aria-invalid')).toBe('true');
    expect(await resident.getByLabel('说几句话').getAttribute('aria-invalid')).toBe('true');
    expect(await resident.locator('.field-error').count()).toBe(3);
    await resident.getByLabel('说几句话').fill('路灯不亮');
    expect(await resident.getByLabel('说几句话').getAttribute('aria-invalid')).toBeNull();
    expect(await resident.locator('.field-error').count()).toBe(2);
  });

  it('makes a 7 MB phone photo small in the browser, so the report with it is accepted', async () => {
    const resident = await residentAt('/resident/report');
    // A 12-megapixel phone photo of busy detail (noise hardly compresses): some 7 MB, above the server's 5 MB.
    const photo = await sharp({
      create: {
        width: 4032,
        height: 3024,
        channels: 3,
        background: { r: 90, g: 110, b: 130 },
        noise: { type: 'gaussian', mean: 128, sigma: 50 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    expect(photo.length).toBeGreaterThan(6 * 1024 * 1024);
    await resident.getByLabel('照片').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await resident.getByRole('img', { name: '照片 1' }).waitFor();
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(`楼下堆满了杂物 ${randomUUID()}`);
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路 12 号');
    const upload = resident.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/photos');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    const sent = await upload;
    const answer = await sent.response();
    // Accepted (the server refuses anything above 5 MB), and what it keeps is the browser's JPEG of 2048 px.
    expect(answer?.status()).toBe(201);
    const { photoId } = (await answer?.json()) as { photoId: string };
    // Run in the page (the root tsconfig has no DOM): fetched with the resident's own token, as the app does
    // (the token lives only in the app's memory: taken from the upload that carried it).
    const authorization = (await sent.headerValue('authorization')) ?? '';
    const stored = (await resident.evaluate(`(async () => {
      const response = await fetch('/api/photos/' + ${JSON.stringify(photoId)}, { headers: { authorization: ${JSON.stringify(authorization)} } });
      const blob = await response.blob();
      // As base64 (a data URL): a few MB as an array of numbers would crawl through the driver.
      return new Promise((done) => { const reader = new FileReader(); reader.onload = () => done(reader.result); reader.readAsDataURL(blob); });
    })()`)) as string;
    const kept = Buffer.from(stored.slice(stored.indexOf(',') + 1), 'base64');
    expect(kept.length).toBeLessThan(FIVE_MB);
    const { format, width, height } = await sharp(kept).metadata();
    expect({ format, width, height }).toEqual({
      format: 'jpeg',
      width: 2048,
      height: 1536,
    });
    await resident.getByText('已收到，正在处理').waitFor();
    await resident.getByRole('link', { name: '查看进展' }).click();
    await resident.getByRole('img', { name: '处理前 1' }).waitFor();

    // Its notification says which case it is about, and leads to it.
    const about = resident.getByRole('link', { name: /^关于：占道经营 · 楼下堆满了杂物/ });
    await eventuallyPasses(async () => {
      await resident.goto(`${web.url}/resident/cases`);
      await about.first().waitFor({ timeout: 2_000 });
    }, 15_000);
    await about.first().click();
    await resident.getByRole('img', { name: '处理前 1' }).waitFor();
  });

  it('offers the camera for a photo', async () => {
    const resident = await residentAt('/resident/report');
    const picker = resident.getByLabel('照片');
    expect({
      accept: await picker.getAttribute('accept'),
      capture: await picker.getAttribute('capture'),
    }).toEqual({ accept: 'image/*', capture: 'environment' });
  });

  it('keeps the app standing when one answer has a shape the screen does not expect', async () => {
    const resident = await residentAt('/resident/points');
    await resident.route('**/api/organisation', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ districts: [{}] }),
      }),
    );
    await residentAt('/resident/report');
    await resident.getByText('这一部分没能显示出来。').waitFor();
    await resident.getByRole('button', { name: '退出登录' }).waitFor(); // the header, and the rest of the app, still stand
    // The answer mended, the next page starts afresh.
    await resident.unroute('**/api/organisation');
    // A resident's phone has no dashboard link (issue 20, item 9): the next page is one of the resident's tabs.
    await resident.getByRole('link', { name: /积分/ }).click();
    await resident.getByRole('heading', { name: /积分/, level: 1 }).waitFor();
    expect(await resident.getByText('这一部分没能显示出来。').count()).toBe(0);
  });

  it('shows fund spending in the public ledger as numbers, never NaN or a blank row', async () => {
    const resident = await web.apiAs('demo-resident');
    const officer = await web.apiAs('demo-community-officer');
    const communityId = resident.principal.scope.communityId;
    const title = `楼道花园 ${randomUUID().slice(0, 8)}`;
    const { projectId } = await resident.post('/api/co-building/projects', {
      title,
      summary: '一起种花',
    });
    await resident.post(`/api/co-building/projects/${projectId as string}/income`, {
      source: 'donation',
      description: '邻居捐款',
      amountFen: 50_000,
    });
    await eventuallyPasses(async () => {
      await officer.post(`/api/co-building/fund/${communityId}/spendings`, {
        amountFen: 1_250,
        purpose: '买楼道灯泡',
      });
    }, 15_000);

    const page = await residentAt('/resident/co-building', DESKTOP);
    const ledger = page.getByRole('table', { name: '社区基金公开账本' });
    const spending = ledger.getByRole('row', { name: /基金支出/ });
    await eventuallyPasses(async () => expect(await spending.textContent()).toMatch(/买楼道灯泡.*−12\.5.*—.*−12\.5/), 15_000);
    expect(await ledger.textContent()).not.toMatch(/NaN|undefined/);
    for (const cell of await spending.getByRole('cell').all()) expect(((await cell.textContent()) ?? '').trim()).not.toBe('');
    await web.expectAccessible(page, 'ledger with a spending');
    await web.shot(page, 'ledger-spending');
  });

  it('offers 加入团队 only to a resident not on the team, and the team its own work', async () => {
    const leader = await web.apiAs('demo-resident');
    const title = `换书角 ${randomUUID().slice(0, 8)}`;
    await leader.post('/api/co-building/projects', {
      title,
      summary: '每周换书',
    });
    const neighbour = `neighbour-${randomUUID().slice(0, 8)}`;
    const registered = await fetch(`${web.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: neighbour,
        password: `${neighbour}-2026`,
        displayName: '邻居 李阿姨',
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      }),
    });
    expect(registered.status).toBe(201);

    const own = await residentAt('/resident/co-building');
    const mine = own.getByRole('listitem').filter({ has: own.getByRole('heading', { name: title }) });
    await mine.getByText('您在这个项目团队里').waitFor();
    expect(await mine.getByRole('button', { name: '加入团队' }).count()).toBe(0);
    await mine.getByText('登记一笔收入').waitFor();

    const other = await web.signedIn(neighbour, '/resident/co-building');
    const theirs = other.getByRole('listitem').filter({ has: other.getByRole('heading', { name: title }) });
    await theirs.getByRole('button', { name: '加入团队' }).waitFor();
    expect(await theirs.getByText('登记一笔收入').count()).toBe(0);
    await theirs.getByRole('button', { name: '加入团队' }).click();
    await theirs.getByText('已加入团队，欢迎！').waitFor();
    await other.reload();
    await theirs.getByText('您在这个项目团队里').waitFor();
    expect(await theirs.getByRole('button', { name: '加入团队' }).count()).toBe(0);
    await other.close();
  });

  it("fills times with the city's clock when the browser is set to New York", async () => {
    const elsewhere = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const newYork = await elsewhere.newContext({
        timezoneId: 'America/New_York',
        locale: 'zh-CN',
        viewport: DESKTOP,
      });
      newYork.setDefaultTimeout(15_000);
      await newYork.clock.setFixedTime(BEFORE_EIGHT_IN_THE_CITY);

      const officer = await web.signedIn('demo-community-officer', '/staff/council', { viewport: DESKTOP, context: newYork });
      // An hour from now, as the city's clocks show it: not New York's 20:30 of the 10th, nor UTC's 00:30.
      expect(await officer.getByLabel('时间', { exact: true }).inputValue()).toBe('2026-03-11T08:30');
      await officer.getByLabel('会议名称').fill(`楼道停车议事会 ${randomUUID().slice(0, 8)}`);
      await officer.getByLabel('议程（每行一项）').fill('电动车停放');
      const scheduled = officer.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/deliberation/meetings');
      await officer.getByRole('button', { name: '召集' }).click();
      expect((await scheduled).postDataJSON()).toMatchObject({
        scheduledAt: '2026-03-11T00:30:00.000Z',
      });

      // Before 08:00 in the city, the service date is the city's today, not UTC's (or New York's) yesterday.
      const resident = await web.signedIn('demo-resident', '/resident/points', { context: newYork });
      expect(await resident.getByLabel('服务日期').inputValue()).toBe('2026-03-11');
      await newYork.close();
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps a Chinese refusal in Chinese and an English one in English', async () => {
    const resident = await residentAt('/resident/report');
    await resident.route('**/api/cases', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 409,
          code: 'SOMETHING.NEW_AND_UNKNOWN',
          message: 'A brand new refusal in English',
        }),
      }),
    );
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill('垃圾没人收');
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路 3 号');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByText('这件事已经办过了，或者情况刚刚有变化，请刷新后再看。').waitFor();
    await resident.getByRole('button', { name: 'Switch to English' }).click();
    await resident.getByText('This has already been done, or something just changed; please reload and look again.').waitFor();
    expect(await resident.getByText('A brand new refusal in English').count()).toBe(0);
    await resident.getByRole('button', { name: '切换到中文' }).click();
    await resident.unroute('**/api/cases');
  });
});
