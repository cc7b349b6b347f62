import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

interface QueuedInPage {
  id: string;
  kind: string;
  madeAt?: string;
  photos?: unknown[];
}

/** The device's queue as the app keeps it (IndexedDB `gongzhi-offline`), read in the page. */
const queueOf = (page: Page) =>
  page.evaluate(`new Promise((done, fail) => {
    const open = indexedDB.open('gongzhi-offline', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('queue', { keyPath: 'id' });
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('queue').objectStore('queue').getAll();
      all.onsuccess = () => { open.result.close(); done(all.result.map((i) => ({ id: i.id, kind: i.kind, madeAt: i.madeAt, photos: i.photos }))); };
    };
  })`) as Promise<QueuedInPage[]>;

/** Waits until the service worker is active and controls the page (a reload then goes through it). */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  if (!(await page.evaluate('navigator.serviceWorker.controller !== null'))) await page.reload();
  await page.waitForFunction('navigator.serviceWorker.controller !== null');
}

describe('the web app without signal: installable, opens offline, keeps reports and check-ins and sends each once', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-offline', timeoutMs: 20_000 });
  }, 180_000);

  afterAll(() => web?.close());

  it('is installable: a manifest named 共治, standalone, with 192 and 512 px icons', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.url}/dashboard`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = (await (await fetch(`${web.url}${href}`)).json()) as {
      short_name: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect({ name: manifest.short_name, display: manifest.display, theme: manifest.theme_color }).toEqual({
      name: '共治',
      display: 'standalone',
      theme: '#9b1c1c',
    });
    const sizes = [];
    for (const icon of manifest.icons) {
      const { width, height, format } = await sharp(Buffer.from(await (await fetch(`${web.url}${icon.src}`)).arrayBuffer())).metadata();
      sizes.push(`${format} ${width}x${height} (${icon.sizes})`);
    }
    expect(sizes).toEqual(['png 192x192 (192x192)', 'png 512x512 (512x512)']);
    await page.close();
  });

  it('keeps a report made offline with its photo, opens again without signal, and makes one case however often it is sent', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report');
    await controlledByServiceWorker(resident);
    await resident.getByLabel('是什么问题').locator('option', { hasText: '占道经营' }).waitFor({ state: 'attached' });

    await web.setOffline(true);
    const description = `地下室楼道的灯坏了 ${randomUUID()}`;
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .toBuffer();
    await resident.getByLabel('照片').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photo });
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(description);
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路 12 号地下室');
    await resident.getByRole('button', { name: '发送', exact: true }).click();

    await resident.getByRole('heading', { name: '待发送 1 条' }).waitFor();
    await resident.getByText('现在没有网络。这条反映已存在手机上').waitFor();
    const [queued] = await queueOf(resident);
    expect({ kind: queued.kind, photos: queued.photos?.length }).toEqual({ kind: 'report', photos: 1 });
    await web.expectAccessible(resident, 'a report waiting to send');
    await web.shot(resident, 'queued');

    // Without signal, the page comes from the service worker, signed in, with the queue still there.
    const reloaded = await resident.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await resident.getByRole('heading', { name: '待发送 1 条' }).waitFor();
    await resident.getByRole('button', { name: '退出登录' }).waitFor();

    // Back online, the first answer is lost on its way back: the case is made, but the phone does not learn it.
    let lostAnswers = 0;
    await resident.route('**/api/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      expect(route.request().headers()['idempotency-key']).toBe(queued.id);
      await route.fetch();
      lostAnswers += 1;
      await route.abort('internetdisconnected');
    });
    const firstAttempt = resident.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/cases');
    await web.setOffline(false);
    const first = await firstAttempt;
    await resident.getByRole('button', { name: '现在发送' }).waitFor();
    expect(lostAnswers).toBe(1);
    expect((await queueOf(resident)).map((i) => i.id)).toEqual([queued.id]);

    // Sent again from the queue under the same id: the server answers the first result, and the queue empties.
    await resident.unroute('**/api/cases');
    const secondAnswer = resident.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases');
    await resident.getByRole('button', { name: '现在发送' }).click();
    const second = await secondAnswer;
    expect({ status: second.status(), replayed: second.headers()['idempotent-replayed'] }).toEqual({ status: 201, replayed: 'true' });
    await resident.getByRole('heading', { name: /待发送/ }).waitFor({ state: 'detached' });
    expect(await queueOf(resident)).toEqual([]);

    // A third time, replayed by another client of the same person with the very same request: still the first answer.
    const me = await web.apiAs('demo-resident');
    const third = await me.call('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': queued.id },
      body: first.postData() ?? '',
    });
    expect({ status: third.status, replayed: third.headers.get('idempotent-replayed') }).toEqual({ status: 201, replayed: 'true' });

    const { cases } = await me.get<{ cases: { caseId: string; description: string }[] }>('/api/cases?mine=true');
    const made = cases.filter((c) => c.description === description);
    expect(made).toHaveLength(1);
    const detail = await me.get<{ photoIds: string[] }>(`/api/cases/${made[0].caseId}`);
    expect(detail.photoIds).toHaveLength(1);
    await resident.goto(`${web.url}/resident/cases/${made[0].caseId}`);
    await resident.getByRole('img', { name: '处理前 1' }).waitFor();
    await resident.close();
  });

  it('keeps a queued report the server refuses, with its reason in plain words, until it is fixed and sent', async () => {
    // The phone placed the resident in Beijing: outside the city, which the server refuses (field `location`).
    await web.allowGeolocation({ latitude: 39.9087, longitude: 116.3975 });
    const resident = await web.signedIn('demo-resident', '/resident/report');
    await controlledByServiceWorker(resident);
    await resident.getByLabel('是什么问题').locator('option', { hasText: '占道经营' }).waitFor({ state: 'attached' });
    const description = `楼梯间堆满杂物 ${randomUUID()}`;
    await web.setOffline(true);
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(description);
    await resident.getByRole('button', { name: '用我现在的位置' }).click();
    await resident.getByText(/已定位/).waitFor();
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByRole('heading', { name: '待发送 1 条' }).waitFor();

    await web.setOffline(false);
    const pending = resident.getByRole('region', { name: '待发送 1 条' });
    await pending.getByRole('alert').filter({ hasText: '这个位置不在本市范围内' }).waitFor();
    expect(await pending.getByRole('alert').textContent()).not.toMatch(/[A-Za-z]/);
    await web.expectAccessible(resident, 'a queued report the server refused');

    // Fixed in the form (the grid chosen by hand) and sent: the case is made once, and the queue is empty.
    await pending.getByRole('button', { name: '修改后再发' }).click();
    await resident.getByText('正在修改一条待发送的反映').waitFor();
    expect(await resident.getByLabel('说几句话').inputValue()).toBe(description);
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路 3 号楼梯间');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByText('已收到，正在处理').waitFor();
    await resident.getByRole('heading', { name: /待发送/ }).waitFor({ state: 'detached' });
    expect(await queueOf(resident)).toEqual([]);
    const { cases } = await (await web.apiAs('demo-resident')).get<{ cases: { description: string }[] }>('/api/cases?mine=true');
    expect(cases.filter((c) => c.description === description)).toHaveLength(1);
    await resident.close();
  });

  it('records a check-in made offline once the signal returns, with the time it was made', async () => {
    const street = await web.signedIn('demo-street-officer', '/staff/whistles', { viewport: DESKTOP });
    const title = `地下车库渗水联合处置 ${randomUUID()}`;
    await street.getByLabel('事由').fill(title);
    await street.getByLabel('情况说明').fill('涉及城管，请到现场处置。');
    await street.getByRole('checkbox', { name: '区城管执法局' }).check();
    await street.getByLabel('牵头部门').selectOption({ label: '区城管执法局' });
    await street.getByRole('button', { name: '吹哨', exact: true }).click();
    await street.getByRole('listitem').filter({ hasText: title }).waitFor();
    await street.close();

    const staff = await web.signedIn('demo-department-staff', '/staff/whistles', { viewport: DESKTOP });
    await controlledByServiceWorker(staff);
    const summons = staff.getByRole('listitem').filter({ hasText: title });
    await summons.getByRole('button', { name: '报到', exact: true }).waitFor();

    await web.setOffline(true);
    await summons.getByRole('button', { name: '报到', exact: true }).click();
    await staff.getByRole('heading', { name: '待发送 1 条' }).waitFor();
    await staff.getByText(/报到已记下/).waitFor();
    const [queued] = await queueOf(staff);
    expect(queued.kind).toBe('check-in');
    await web.expectAccessible(staff, 'a check-in waiting to send');

    const sent = staff.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/check-in'));
    await web.setOffline(false);
    const answer = await sent;
    expect({
      status: answer.status(),
      key: answer.request().headers()['idempotency-key'],
      body: answer.request().postDataJSON() as unknown,
    }).toEqual({ status: 200, key: queued.id, body: { madeAt: queued.madeAt } });
    await staff.getByRole('heading', { name: /待发送/ }).waitFor({ state: 'detached' });
    await summons.getByText('已报到').waitFor();

    const whistleId = ((await answer.json()) as { whistleId: string }).whistleId;
    const { departments } = await (
      await web.apiAs('demo-department-staff')
    ).get<{ departments: { checkIn: { state: string; at: string } }[] }>(`/api/department-dispatch/whistles/${whistleId}`);
    expect(departments.map((d) => d.checkIn.state)).toEqual(['checked_in']);
    // Made before it was received: the server's own time of arrival is not earlier than the device's.
    expect(departments[0].checkIn.at >= (queued.madeAt ?? '')).toBe(true);
    await staff.close();
  });

  it('does not check in twice when the answer to a check-in is lost and the queue sends it again with its time', async () => {
    const street = await web.signedIn('demo-street-officer', '/staff/whistles', { viewport: DESKTOP });
    const title = `老旧小区外墙脱落 ${randomUUID()}`;
    await street.getByLabel('事由').fill(title);
    await street.getByLabel('情况说明').fill('请到现场处置。');
    await street.getByRole('checkbox', { name: '区城管执法局' }).check();
    await street.getByLabel('牵头部门').selectOption({ label: '区城管执法局' });
    await street.getByRole('button', { name: '吹哨', exact: true }).click();
    await street.getByRole('listitem').filter({ hasText: title }).waitFor();
    await street.close();

    const staff = await web.signedIn('demo-department-staff', '/staff/whistles', { viewport: DESKTOP });
    const summons = staff.getByRole('listitem').filter({ hasText: title });
    // The check-in reaches the server, and its answer is lost on the way back: the phone queues it.
    const checkIns: { key: string | undefined; body: string | null; status: number }[] = [];
    await staff.route('**/check-in', async (route) => {
      const answer = await route.fetch();
      checkIns.push({ key: route.request().headers()['idempotency-key'], body: route.request().postData(), status: answer.status() });
      if (checkIns.length === 1) return route.abort('internetdisconnected');
      return route.fulfill({ response: answer });
    });
    await summons.getByRole('button', { name: '报到', exact: true }).click();
    await staff.getByRole('heading', { name: '待发送 1 条' }).waitFor();
    const [queued] = await queueOf(staff);

    // Sent again with the time it was made, under the same key: the server knows the key, and nothing is recorded twice.
    await staff.getByRole('button', { name: '现在发送' }).click();
    await staff.getByRole('heading', { name: /待发送/ }).waitFor({ state: 'detached' });
    await summons.getByText('已报到').waitFor();
    expect(checkIns).toEqual([
      { key: queued.id, body: '{}', status: 200 },
      { key: queued.id, body: JSON.stringify({ madeAt: queued.madeAt }), status: 422 },
    ]);
    await staff.close();
  });

  it("keeps a grid worker's decision made without signal and accepts the case once when the signal returns", async () => {
    const description = `楼道里堆满了纸箱 ${randomUUID()}`;
    const reported = await (
      await web.apiAs('demo-resident')
    ).call('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryCode: 'city.road.pothole', description, location: { lat: 31.2385, long: 121.4778 } }),
    });
    expect(reported.status).toBe(201);
    const { caseId } = (await reported.json()) as { caseId: string };

    const worker = await web.signedIn('demo-grid-worker', '/staff/triage', { viewport: DESKTOP });
    await controlledByServiceWorker(worker);
    const item = worker.getByRole('listitem').filter({ hasText: description });
    await item.getByRole('button', { name: '受理', exact: true }).waitFor();

    // In the basement: the decision stays on the device, and the case is not offered for a second decision.
    await web.setOffline(true);
    await item.getByRole('button', { name: '受理', exact: true }).click();
    await worker.getByRole('heading', { name: '待发送 1 条' }).waitFor();
    await worker.getByText(/您的决定已记在本机/).waitFor();
    await item.getByRole('button', { name: '受理', exact: true }).waitFor({ state: 'detached' });
    const [queued] = await queueOf(worker);
    expect(queued.kind).toBe('triage');
    await web.expectAccessible(worker, 'a triage decision waiting to send');

    const sent = worker.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/${caseId}/accept`));
    await web.setOffline(false);
    const answer = await sent;
    expect({ status: answer.status(), key: answer.request().headers()['idempotency-key'] }).toEqual({ status: 200, key: queued.id });
    await worker.getByRole('heading', { name: /待发送/ }).waitFor({ state: 'detached' });

    // The same decision sent again under its key is the same answer, not a second acceptance.
    const again = await (
      await web.apiAs('demo-grid-worker')
    ).call(`/api/cases/${caseId}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': queued.id },
      body: answer.request().postData() ?? '',
    });
    expect({ status: again.status, replayed: again.headers.get('idempotent-replayed') }).toEqual({ status: 200, replayed: 'true' });
    const detail = await (await web.apiAs('demo-grid-worker')).get<{ status: string }>(`/api/cases/${caseId}`);
    expect(detail.status).toBe('Accepted');
    await worker.close();
  });

  it('asks before signing out with a report waiting, and leaves no queue and no cached answers behind', async () => {
    const resident = await web.signedIn('demo-resident', '/resident/report');
    await controlledByServiceWorker(resident);
    await resident.getByLabel('是什么问题').locator('option', { hasText: '占道经营' }).waitFor({ state: 'attached' });
    await web.setOffline(true);
    await resident.getByLabel('是什么问题').selectOption({ label: '占道经营' });
    await resident.getByLabel('说几句话').fill(`私人的事 ${randomUUID()}`);
    await resident.getByLabel('或者选择所在网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await resident.getByLabel('地址或地标').fill('和谐路 1 号');
    await resident.getByRole('button', { name: '发送', exact: true }).click();
    await resident.getByRole('heading', { name: '待发送 1 条' }).waitFor();

    await resident.getByRole('button', { name: '退出登录' }).click();
    const question = resident.getByRole('alertdialog');
    await question.getByText('还有 1 条没有发出去').waitFor();
    await web.expectAccessible(resident, 'signing out with a report waiting');
    await web.shot(resident, 'sign-out');
    await question.getByRole('button', { name: '不发了，直接退出' }).click();
    await resident.getByLabel('账号').waitFor();

    await resident.waitForFunction(`caches.has('gongzhi-reference').then((has) => !has)`);
    expect(await queueOf(resident)).toEqual([]);
    expect(await resident.evaluate(`sessionStorage.getItem('gongzhi.session')`)).toBeNull();
    await web.setOffline(false);
    await resident.close();
  });
});
