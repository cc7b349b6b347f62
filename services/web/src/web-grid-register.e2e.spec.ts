import { randomInt } from 'node:crypto';
import { eventuallyPasses } from '@gongzhi/testing';
import { DESKTOP, PHONE, startWebHarness, type ApiClient, type WebHarness } from './testing/web-harness';

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
    expect(await household.textContent()).toContain('住户和谐路3号楼 · 2 人');
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

  it('enters a building and an organisation, and corrects a household, with no field asking for a name of a person', async () => {
    const tag = randomInt(100_000);
    const unit = `2单元${tag}`;
    await worker.post('/api/grids/grid-hexie-01/base-records', { kind: 'household', buildingName: '和谐路5号楼', unit, size: 3 });
    const page = await web.signedIn('demo-grid-worker', '/staff/register', { viewport: PHONE });
    const form = page.getByRole('region', { name: '登记楼栋、住户或组织' });
    await form.waitFor();

    const building = `和谐路7号楼 ${tag}`;
    await form.getByLabel('类别').selectOption({ label: '楼栋' });
    await form.getByLabel('名称').fill(building);
    await form.getByLabel('地址').fill('和谐路7号');
    await form.getByLabel('层数（可不填）').fill('18');
    await web.expectAccessible(page, 'staff: entering a building');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(`${building}.*楼栋.*和谐路7号 · 18 层`) }).waitFor();

    const shop = `和谐便利店 ${tag}`;
    await form.getByLabel('类别').selectOption({ label: '组织' });
    await form.getByLabel('名称').fill(shop);
    await form.getByLabel('组织类型').selectOption({ label: '商户' });
    await form.getByLabel('地址').fill('和谐路9号');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(`${shop}.*组织.*商户 · 和谐路9号`) }).waitFor();

    await form.getByLabel('类别').selectOption({ label: '住户' });
    expect(await form.getByRole('textbox').count()).toBe(2);
    expect(await form.getByLabel(/姓名|电话|身份证/).count()).toBe(0);

    const household = page.getByRole('row', { name: new RegExp(unit) });
    await household.getByRole('button', { name: /修改/ }).click();
    const edit = page.getByRole('region', { name: /修改：.*2单元/ });
    await edit.getByLabel('人数').fill('4');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存。').waitFor();
    await page.getByRole('row', { name: new RegExp(`${unit}.*和谐路5号楼 · 4 人`) }).waitFor();
    await web.shot(page, 'register-entries');

    const { records } = await worker.get<{ records: { label: string; recordId: string }[] }>(
      '/api/grids/grid-hexie-01/base-records?kind=household',
    );
    const recordId = records.find((r) => r.label.includes(unit))!.recordId;
    const { history } = await worker.get<{ history: { changes: unknown[] }[] }>(`/api/grids/grid-hexie-01/base-records/${recordId}`);
    expect(history.at(-1)!.changes).toEqual([{ field: 'size', from: 3, to: 4 }]);
    await page.close();
  });

  it('lets the grid worker name the facility a case is about from the triage queue, by its name', async () => {
    const tag = randomInt(100_000);
    const light = `和谐路北口路灯 ${tag}`;
    const other = `和谐路南口路灯 ${tag}`;
    for (const name of [other, light])
      await worker.post('/api/grids/grid-hexie-01/base-records', {
        kind: 'facility',
        facilityKind: 'street_light',
        name,
        buildingName: null,
        lat: null,
        long: null,
        condition: 'faulty',
      });
    const description = `路口路灯整晚不亮 ${tag}`;
    await resident.post('/api/cases', { categoryCode: 'city.road.pothole', description, location: inHexie01 });

    const page = await web.signedIn('demo-grid-worker', '/staff/triage', { viewport: DESKTOP });
    const item = page.getByRole('listitem').filter({ hasText: description });
    await item.getByText('涉及设施：未指明').waitFor();
    await item.getByLabel('这件事涉及哪个设施').selectOption({ label: light });
    await web.expectAccessible(page, 'staff: naming a case facility');
    await item.getByRole('button', { name: '指明设施' }).click();
    await item.getByText(`涉及设施：${light}`).waitFor();
    await item.getByText('已指明设施。').waitFor();

    await item.getByLabel('更正为').selectOption({ label: other });
    await item.getByRole('button', { name: '指明设施' }).click();
    await item.getByText(`涉及设施：${other}`).waitFor();
    await web.shot(page, 'case-facility');
    await page.close();

    // The facility's page lists the case under the corrected facility.
    const { records: facilities } = await worker.get<{ records: { label: string; recordId: string }[] }>(
      '/api/grids/grid-hexie-01/base-records?kind=facility',
    );
    const otherId = facilities.find((f) => f.label === other)!.recordId;
    await eventuallyPasses(async () => {
      const { cases } = await worker.get<{ cases: { description: string }[] }>(`/api/grids/grid-hexie-01/facilities/${otherId}/cases`);
      expect(cases.map((c) => c.description)).toContain(description);
    });
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
    await page.goto(`${web.url}/staff/triage`);
    await page.getByText('暂无数据').first().waitFor();
    expect(await page.getByRole('button', { name: '指明设施' }).count()).toBe(0);
    await page.close();
  });
});
