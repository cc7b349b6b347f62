import { randomUUID } from 'node:crypto';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

describe('what a street oversees: tasks pushed down to its communities, and early warnings', () => {
  let web: WebHarness;
  const title = `垃圾分类桶站点位报送 ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-street' });
  }, 120_000);

  afterAll(() => web?.close());

  it('lets department staff push a task down, shows the street its community’s load, and lets the community report it done', async () => {
    const staff = await web.signedIn('demo-department-staff', '/staff/task-load', { viewport: DESKTOP });
    await staff.getByRole('heading', { name: '向社区下派任务' }).waitFor();
    await staff.getByLabel('社区', { exact: true }).selectOption({ label: '和谐社区' });
    await staff.getByLabel('任务内容').fill(title);
    // The form offers a week from today at 17:00, which the street counts as due within the week from 17:00 on and
    // not before: a fortnight out, the row below is the same whatever the hour the suite runs.
    const due = staff.getByLabel('截止日期（当天 17:00）');
    await due.fill(daysAfter(await due.inputValue(), 7));
    await web.expectAccessible(staff, 'department: push a task down');
    await staff.getByRole('button', { name: '下派', exact: true }).click();
    await staff.getByText('已保存').waitFor();
    await staff.getByRole('listitem').filter({ hasText: title }).waitFor();
    await staff.close();

    const street = await web.signedIn('demo-street-officer', '/staff/task-load', { viewport: DESKTOP });
    const row = street.getByRole('row', { name: /和谐社区/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '0', '0', '0', '区城管执法局 1/1']);
    await web.expectAccessible(street, 'street: the load of its communities');
    await web.shot(street, 'street-load');
    await street.close();

    const officer = await web.signedIn('demo-community-officer', '/staff/task-load', { viewport: DESKTOP });
    const task = officer.getByRole('listitem').filter({ hasText: title });
    await task.getByLabel(`完成情况：${title}`).fill('已报送 14 个点位');
    await web.expectAccessible(officer, 'community: its pushed-down tasks');
    await task.getByRole('button', { name: '报告完成' }).click();
    await task.getByText('已完成').waitFor();
    await officer.close();
  });

  it('warns the street, in plain words, of a problem reported a third time at one place', async () => {
    const resident = await web.apiAs('demo-resident');
    for (const [i, location] of [
      { lat: 31.2385, long: 121.4778 },
      { lat: 31.2388, long: 121.4779 },
      { lat: 31.2386, long: 121.4776 },
    ].entries()) {
      await resident.post('/api/cases', {
        categoryCode: 'city.road.pothole',
        description: `和谐路口的坑又出现了（第 ${i + 1} 次）${randomUUID().slice(0, 8)}`,
        location,
        photoIds: [],
        anonymous: false,
      });
    }
    const street = await web.signedIn('demo-street-officer', '/staff/warnings', { viewport: DESKTOP });
    const warning = street.getByRole('listitem').filter({ hasText: '问题反复出现' });
    await warning.waitFor();
    await warning.getByText(/150 米内，28 天里已是第 3 次反映同类问题/).waitFor();
    await web.expectAccessible(street, 'street: early warnings');
    await web.shot(street, 'warnings');
    await street.close();
  });
});

/** A calendar date (YYYY-MM-DD) `days` later. */
function daysAfter(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
