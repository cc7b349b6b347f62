import { randomUUID } from 'node:crypto';
import { DESKTOP, startWebHarness, type WebHarness } from './testing/web-harness';

describe('tasks pushed down to communities, as the department, the street and the community see them', () => {
  let web: WebHarness;
  const title = `垃圾分类桶站点位报送 ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    web = await startWebHarness({ name: 'web-task-load' });
  }, 120_000);

  afterAll(() => web?.close());

  it('lets department staff push a task down, shows the street its community’s load, and lets the community report it done', async () => {
    const staff = await web.signedIn('demo-department-staff', '/staff/task-load', { viewport: DESKTOP });
    await staff.getByRole('heading', { name: '向社区下派任务' }).waitFor();
    await staff.getByLabel('社区', { exact: true }).selectOption({ label: '和谐社区' });
    await staff.getByLabel('任务内容').fill(title);
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
});
