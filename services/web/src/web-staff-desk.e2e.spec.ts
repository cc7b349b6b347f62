import { randomInt } from 'node:crypto';
import { photoPng } from '@gongzhi/testing';
import { DESKTOP, startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

const WALL = { width: 1920, height: 1080 } as const;
const inHexie01 = { lat: 31.2385, long: 121.4778 };

describe('staff at a desk: the department inbox, and staff views that update by themselves', () => {
  let web: WebHarness;
  let gridWorker: ApiClient;
  let street: ApiClient;
  let department: ApiClient;
  let resident: ApiClient;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-staff' });
    [gridWorker, street, department, resident] = await Promise.all(
      ['demo-grid-worker', 'demo-street-officer', 'demo-department-staff', 'demo-resident'].map((u) => web.apiAs(u)),
    );
  }, 120_000);
  afterAll(() => web?.close());

  async function photo(client: ApiClient): Promise<string> {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(photoPng())], { type: 'image/png' }), 'stall.png');
    const response = await client.call('/api/photos', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { photoId: string }).photoId;
  }

  /** A report with a photo, accepted by the grid worker and dispatched by the street to 区城管执法局, all through the API. */
  async function dispatchedToDepartment(description: string, address: string): Promise<string> {
    const reported = await gridWorker.post('/api/cases', {
      categoryCode: 'order.street-vending',
      description,
      location: inHexie01,
      address,
      photoIds: [await photo(gridWorker)],
    });
    const caseId = reported['caseId'] as string;
    await gridWorker.post(`/api/cases/${caseId}/accept`, {});
    await street.post(`/api/cases/${caseId}/dispatch`, { assigneeKind: 'department' });
    return caseId;
  }

  it('shows new work in the open inbox without a reload, each case in full beside a dense table, and filters it', async () => {
    const staff = await web.signedIn('demo-department-staff', '/staff/inbox', { viewport: DESKTOP });
    await staff.getByText('没有待办的派单。').waitFor();

    const tag = randomInt(100_000);
    const first = `菜市场东门占道经营 ${tag}`;
    const caseId = await dispatchedToDepartment(first, '和谐路菜市场东门');
    // No reload: the live stream brings it.
    const row = staff.getByRole('button', { name: new RegExp(first) });
    await row.waitFor();
    await row.click();
    await staff.waitForURL(`**/staff/inbox/${caseId}`);

    const detail = staff.getByRole('region', { name: '待办详情' });
    await detail.getByRole('heading', { name: '占道经营', level: 2 }).waitFor();
    await detail.getByRole('paragraph').filter({ hasText: first }).waitFor();
    await detail.getByText('和谐路菜市场东门', { exact: true }).waitFor();
    await detail.getByText('南京东路街道 · 和谐社区第一网格', { exact: true }).waitFor();
    await detail.getByRole('img', { name: '处理前 1' }).waitFor();
    await detail.getByRole('img', { name: /问题位置：占道经营/ }).waitFor();
    expect(await detail.locator('svg.city-map-small circle').count()).toBe(1); // the case's own pin
    await detail.getByText(/签收时限.*还剩/).waitFor();
    await detail.getByRole('listitem').filter({ hasText: '分派' }).first().waitFor();
    expect(await detail.getByRole('link', { name: new RegExp(`/staff/inbox/${caseId}$`) }).getAttribute('href')).toBe(
      `/staff/inbox/${caseId}`,
    );
    // Only what the department may do now: acknowledge or send back; nothing to merge it with, nothing to complete yet.
    await detail.getByRole('button', { name: '签收', exact: true }).waitFor();
    await detail.getByRole('button', { name: '退回', exact: true }).waitFor();
    expect(await detail.getByRole('button', { name: '合并', exact: true }).count()).toBe(0);
    expect(await detail.getByRole('button', { name: '办结', exact: true }).count()).toBe(0);

    // The filters: nothing is overdue yet; the grid and category filters keep it.
    const filters = staff.getByRole('form', { name: '筛选待办' });
    await filters.getByLabel('只看超时').check();
    await staff.getByText('没有符合筛选条件的派单。').waitFor();
    await filters.getByLabel('只看超时').uncheck();
    await filters.getByLabel('网格').selectOption({ label: '南京东路街道 · 和谐社区第一网格' });
    await filters.getByLabel('问题类别').selectOption({ label: '占道经营' });
    await filters.getByLabel('状态').selectOption({ label: '待签收' });
    await row.waitFor();
    await filters.getByLabel('状态').selectOption({ label: '处理中' });
    await staff.getByText('没有符合筛选条件的派单。').waitFor();
    await filters.getByLabel('状态').selectOption({ label: '全部待办' });
    await row.waitFor();

    await web.expectAccessible(staff, 'staff: department inbox at a desk');
    await web.shot(staff, 'inbox-1280');
    await staff.setViewportSize(WALL);
    await web.expectAccessible(staff, 'staff: department inbox at 1920');
    await web.shot(staff, 'inbox-1920');
    await staff.close();
  });

  it('sends a case back with a reason it insists on, and merges a repeat into the case it repeats', async () => {
    const tag = randomInt(100_000);
    const notOurs = `井盖松动，踩上去会响 ${tag}`;
    const original = `人行道被三轮车占用 ${tag}`;
    const repeat = `人行道三轮车又来了 ${tag}`;
    await dispatchedToDepartment(notOurs, '和谐路 12 号');
    const originalId = await dispatchedToDepartment(original, '和谐路 30 号');
    const repeatId = await dispatchedToDepartment(repeat, '和谐路 32 号');

    const staff = await web.signedIn('demo-department-staff', '/staff/inbox', { viewport: DESKTOP });
    const detail = staff.getByRole('region', { name: '待办详情' });
    await staff.getByRole('button', { name: new RegExp(notOurs) }).click();
    await detail.getByRole('paragraph').filter({ hasText: notOurs }).waitFor();
    await detail.getByRole('button', { name: '退回', exact: true }).click();
    const send = detail.getByRole('button', { name: '确认退回' });
    expect(await send.isDisabled()).toBe(true); // no reason, no sending back
    await detail.getByLabel('退回原因（会告诉街道）').fill('井盖归住建部门管理，不属于城管');
    await detail.getByLabel('应由哪个部门办理').selectOption({ index: 1 });
    await web.expectAccessible(staff, 'staff: sending a case back');
    await send.click();
    await detail.getByText('已退回街道。').waitFor();
    await staff.getByRole('button', { name: new RegExp(notOurs) }).waitFor({ state: 'detached' });

    await staff.getByRole('button', { name: new RegExp(repeat) }).click();
    await staff.waitForURL(`**/staff/inbox/${repeatId}`);
    await detail.getByRole('button', { name: '合并', exact: true }).click();
    await detail.getByLabel('与哪件重复').selectOption({ label: `占道经营 · ${original}` });
    await detail.getByRole('button', { name: '确认合并' }).click();
    await detail.getByText('已合并。').waitFor();
    await staff.getByRole('button', { name: new RegExp(repeat) }).waitFor({ state: 'detached' });
    const merged = await street.get<{ status: string; mergedInto: string }>(`/api/cases/${repeatId}`);
    expect(merged).toMatchObject({ status: 'Merged', mergedInto: originalId });
    await staff.close();
  });

  it('shows a resident’s new report in the open triage queue without a reload', async () => {
    const worker = await web.signedIn('demo-grid-worker', '/staff/triage', { viewport: DESKTOP });
    await worker.getByRole('heading', { name: '待受理、待分派的问题' }).waitFor();
    const description = `楼下垃圾桶满了没人清 ${randomInt(100_000)}`;
    await resident.post('/api/cases', { categoryCode: 'order.street-vending', description, location: inHexie01 });
    await worker.getByRole('listitem').filter({ hasText: description }).waitFor();
    await web.shot(worker, 'triage-live');
    await worker.close();
  });

  it('shows a department’s check-in on the street’s open whistle board without a reload', async () => {
    const board = await web.signedIn('demo-street-officer', '/staff/whistles', { viewport: WALL });
    await board.getByRole('heading', { name: '吹哨报到', level: 1 }).waitFor();
    const title = `河道沿线违章搭建 ${randomInt(100_000)}`;
    const blown = await street.post('/api/department-dispatch/streets/street-nanjingdong/whistles', {
      title,
      description: '涉及城管和环保，请到现场联合处置。',
      departmentIds: ['dept-chengguan', 'dept-huanbao'],
      leadDepartmentId: 'dept-chengguan',
    });
    const whistle = board.getByRole('listitem').filter({ hasText: title });
    await whistle.getByRole('row', { name: /区城管执法局.*报到时限.*还剩/ }).waitFor();

    await department.post(`/api/department-dispatch/whistles/${blown['whistleId'] as string}/check-in`, {});
    await whistle.getByRole('row', { name: /区城管执法局.*已报到/ }).waitFor();
    await web.expectAccessible(board, 'staff: whistle board, live');
    await web.shot(board, 'whistles-1920');
    await board.close();
  });

  it('breaks no rule of the Content-Security-Policy', () => {
    expect(web.policyViolations).toEqual([]);
  });
});
