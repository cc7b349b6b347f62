import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { eventuallyPasses } from '@gongzhi/testing';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

describe('signing in as a city would: register, be verified, stay signed in across tabs and reloads, change the password, sign out', () => {
  let web: WebHarness;
  const username = `liu-${randomUUID().slice(0, 8)}`;
  const displayName = `刘阿姨${randomUUID().slice(0, 4)}`;
  const firstPassword = 'garden-gate-42';
  const newPassword = 'river-bridge-77';

  beforeAll(async () => {
    // Service workers blocked: the shared-refresh walk answers the API through page.route, which cannot reach what a worker fetches.
    web = await startWebHarness({ name: 'web-signin', serviceWorkers: 'block' });
  }, 180_000);

  afterAll(() => web?.close());

  async function signIn(page: Page, password: string) {
    await page.getByLabel('账号').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }

  const sessionCookies = async () => (await web.context.cookies()).filter((cookie) => cookie.name === 'gongzhi_refresh');

  it('lets a resident register in the app, saying what is wrong in plain Chinese before anything is sent', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.url}/resident/report`);
    await page.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    // The embedded default is demo mode: the demo accounts are offered.
    await page.getByRole('heading', { name: '演示账号（点一下填入）' }).waitFor();
    await page.getByRole('link', { name: '还没有账号？注册' }).click();
    await page.getByRole('heading', { name: '注册成为居民', level: 1 }).waitFor();

    await page.getByLabel('您的称呼').fill(displayName);
    await page.getByLabel('账号', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByLabel('再输一遍密码').fill('shorter');
    await page.getByLabel('所在社区').selectOption({ label: '南京东路街道 · 和谐社区' });
    await page.getByLabel('所在网格').selectOption({ label: '和谐社区第一网格' });
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByText('密码至少要 8 个字符。').waitFor();
    await page.getByText('两次输入的密码不一样。').waitFor();
    await web.expectAccessible(page, 'register (with problems)');
    await web.shot(page, 'register-problems');

    await page.getByLabel('密码', { exact: true }).fill(firstPassword);
    await page.getByLabel('再输一遍密码').fill(firstPassword);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByText('注册成功！请用新账号登录。').waitFor();
    await page.close();
  });

  it("shows the new resident to their community's office, who verifies them", async () => {
    const officer = await web.signedIn('demo-community-officer', '/staff/residents', { viewport: DESKTOP });
    await officer.getByRole('heading', { name: '待核实的居民', level: 1 }).waitFor();
    const entry = officer.getByRole('listitem', { name: `${displayName}（${username}）` });
    await entry.waitFor();
    await web.expectAccessible(officer, 'staff: residents to verify');
    await web.shot(officer, 'staff-residents');
    await entry.getByRole('button', { name: '核实通过' }).click();
    await officer.getByText(`已核实：${displayName}（${username}）`).waitFor();
    await entry.waitFor({ state: 'detached' });
    await officer.close();
  });

  it('keeps the resident signed in in a new tab and after a reload, with the refresh token out of reach of script', async () => {
    const first = await web.context.newPage();
    await first.goto(`${web.url}/resident/report`);
    await signIn(first, firstPassword);
    await first.getByRole('button', { name: '退出登录' }).waitFor();
    // Who is signed in (the phone header keeps the name for screen readers only).
    expect(await first.locator('.who-name').textContent()).toContain(displayName);

    const [cookie] = await sessionCookies();
    expect({ httpOnly: cookie?.httpOnly, sameSite: cookie?.sameSite, path: cookie?.path }).toEqual({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/auth/session',
    });
    expect(await first.evaluate('document.cookie')).toBe('');
    expect(await first.evaluate('JSON.stringify(sessionStorage) + JSON.stringify(localStorage)')).not.toContain(cookie?.value ?? '?');

    const second = await web.context.newPage();
    await second.goto(`${web.url}/resident/points`);
    await second.getByRole('button', { name: '退出登录' }).waitFor();
    expect(await second.locator('.who-name').textContent()).toContain(displayName);
    await second.reload();
    await second.getByRole('button', { name: '退出登录' }).waitFor();
    // Both tabs at once, again and again: one shared cookie, and nobody is signed out for it.
    await Promise.all([first.reload(), second.reload()]);
    await Promise.all([first, second].map((page) => page.getByRole('button', { name: '退出登录' }).waitFor()));
    await web.expectAccessible(second, 'resident after a reload');
    await second.close();
  });

  it('sends one refresh for the whole tab when several requests meet an expired access token at once', async () => {
    const signedIn = await web.context.newPage();
    await signedIn.goto(`${web.url}/resident/report`);
    await signedIn.getByRole('button', { name: '退出登录' }).waitFor();
    await signedIn.close();
    // A fresh tab rather than a reload: a reloading page's last requests would meet the route below too.
    const page = await web.context.newPage();
    let refreshes = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/session/refresh') refreshes += 1;
    });
    const answered = new Set<string>();
    page.on('response', (response) => {
      // 304: the browser revalidated what it had cached.
      if (response.status() < 400) answered.add(response.url());
    });
    // The server's answer to an access token that has just expired, for every signed request the new tab makes at first.
    const expired: string[] = [];
    let tokenSeen: string | undefined;
    await page.route('**/api/**', async (route) => {
      const authorization = route.request().headers()['authorization'];
      if (authorization && (tokenSeen === undefined || tokenSeen === authorization) && !route.request().url().includes('/api/auth/')) {
        tokenSeen = authorization;
        expired.push(route.request().url());
        return route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: '{"statusCode":401,"code":"AUTH.TOKEN_EXPIRED","message":"expired"}',
        });
      }
      return route.continue();
    });
    await page.goto(`${web.url}/resident/report`);
    await page.getByRole('heading', { name: /随手拍/, level: 1 }).waitFor();
    // Every request that met the expired token was sent again after the refresh, and answered.
    await eventuallyPasses(async () => {
      expect(expired.length).toBeGreaterThanOrEqual(2);
      expect({ retried: expired.filter((url) => !answered.has(url)), alerts: await page.getByRole('alert').count() }).toEqual({
        retried: [],
        alerts: 0,
      });
    }, 15_000);
    // One to restore the session on load, one shared by every request that met the expired token.
    expect({ refreshes, expired }).toEqual({ refreshes: 2, expired });
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.close();
  });

  it('changes the password only with the right current one, then signs out everywhere in this browser', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.url}/resident/report`);
    // On a phone the header keeps to the task: the password is under 更多.
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.getByRole('heading', { name: '修改密码', level: 1 }).waitFor();
    await page.getByLabel('现在的密码').fill('not-my-password');
    await page.getByLabel('新密码').fill(newPassword);
    await page.getByLabel('再输一遍密码').fill(newPassword);
    await page.getByRole('button', { name: '修改密码', exact: true }).click();
    await page.getByText('现在的密码不对。').waitFor();
    await web.expectAccessible(page, 'change password (wrong current)');
    await web.shot(page, 'password-wrong-current');

    await page.getByLabel('现在的密码').fill(firstPassword);
    await page.getByRole('button', { name: '修改密码', exact: true }).click();
    await page.getByText('密码已修改。').waitFor();

    const other = await web.context.newPage();
    await other.goto(`${web.url}/resident/cases`);
    await other.getByRole('button', { name: '退出登录' }).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    // The other tab of this browser is signed out with it, and a reload does not bring the session back.
    await other.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    await other.reload();
    await other.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    expect(await sessionCookies()).toEqual([]);

    await signIn(other, firstPassword);
    await other.getByText('账号或密码不对，请再试一次。').waitFor();
    await signIn(other, newPassword);
    await other.getByRole('button', { name: '退出登录' }).waitFor();
    await web.shot(other, 'signed-in-with-new-password');
    await page.close();
    await other.close();
    expect(web.policyViolations).toEqual([]);
  });
});
