import { randomInt } from 'node:crypto';
import { DESKTOP, startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

const inHexie01 = { lat: 31.2385, long: 121.4778 };

/** 网格台账 as a grid worker keeps it: the grid's facilities, adding and correcting one, and a facility's cases and history. */
describe("a grid's register in the staff console, in Chromium against the real host", () => {
  let web: WebHarness;
  let worker: ApiClient;
  let resident: ApiClient;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'grid-register' });
    [worker, resident] = await Promise.all([web.apiAs('demo-grid-worker'), web.apiAs('demo-resident')]);
  }, 180_000);
  afterAll(() => web?.close());

  it('lists the facilities, adds one, records a fault, and shows the cases and the change history of one', async () => {
    const tag = randomInt(100_000);
    const lift = `和谐路3号楼1单元电梯 ${tag}`;
    const facilityId = (
      await worker.post('/api/grids/grid-hexie-01/base-records', {
        kind: 'facility',
        facilityKind: 'lift',
        name: lift,
        buildingName: '和谐路3号楼',
        lat: null,
        long: null,
        condition: 'working',
      })
    ).recordId as string;
    const unit = `1单元${tag}`;
    await worker.post('/api/grids/grid-hexie-01/base-records', { kind: 'household', buildingName: '和谐路3号楼', unit, size: 2 });
    const description = `电梯停在两层之间 ${tag}`;
    await resident.post('/api/cases', { categoryCode: 'city.road.pothole', description, location: inHexie01, facilityId });

    const page = await web.signedIn('demo-grid-worker', '/staff/register', { viewport: DESKTOP });
    await page.getByRole('heading', { name: /网格台账/, level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(lift) });
    await row.waitFor();
    expect(await row.textContent()).toContain('正常');
    const household = page.getByRole('row', { name: new RegExp(unit) });
    await household.waitFor();
    expect(await household.textContent()).toContain('住户2 人');
    await web.expectAccessible(page, 'staff: grid register');

    const light = `和谐路口路灯 ${tag}`;
    const form = page.getByRole('region', { name: '登记新设施' });
    await form.getByLabel('名称').fill(light);
    await form.getByLabel('类型').selectOption({ label: '路灯' });
    await form.getByRole('button', { name: '登记设施' }).click();
    await page.getByText('已登记。').waitFor();
    await page.getByRole('row', { name: new RegExp(light) }).waitFor();

    await page.getByRole('button', { name: `修改：${lift}` }).click();
    const edit = page.getByRole('region', { name: `修改：${lift}` });
    await edit.getByLabel('状况').selectOption({ label: '有故障' });
    await web.expectAccessible(page, 'staff: editing a facility');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存。').waitFor();
    await page.getByRole('row', { name: new RegExp(`${lift}.*有故障`) }).waitFor();
    await web.shot(page, 'register');

    await page.getByRole('link', { name: lift }).click();
    await page.getByRole('heading', { name: lift, level: 1 }).waitFor();
    await page.getByText(description).waitFor();
    await page.getByRole('cell', { name: '修改：状况 正常 → 有故障' }).waitFor();
    await page.getByRole('cell', { name: `登记：类型 电梯；名称 ${lift}；所在楼栋 和谐路3号楼；状况 正常` }).waitFor();
    await web.expectAccessible(page, 'staff: a facility with its cases and history');
    await web.shot(page, 'facility');
    await page.close();
  });

  it('shows a resident none of the register, even at its address', async () => {
    const tag = randomInt(100_000);
    const hydrant = `3号楼消防栓 ${tag}`;
    await worker.post('/api/grids/grid-hexie-01/base-records', {
      kind: 'facility',
      facilityKind: 'hydrant',
      name: hydrant,
      buildingName: null,
      lat: null,
      long: null,
      condition: 'working',
    });
    expect((await resident.call('/api/grids/grid-hexie-01/base-records')).status).toBe(403);

    // Signing in takes a resident to their own pages; they then type the register's address themselves.
    const page = await web.signedIn('demo-resident', '/resident/report');
    await page.goto(`${web.url}/staff/register`);
    await page.getByText('暂无数据').first().waitFor();
    expect(await page.getByText(hydrant).count()).toBe(0);
    expect(await page.getByRole('heading', { name: /网格台账/ }).count()).toBe(0);
    await page.close();
  });
});
