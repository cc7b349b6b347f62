import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { gridEventsService } from '../../index';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };

describe('合并 over HTTP: a department merges a case it holds into another of its own', () => {
  let app: TestApp;
  let tokens: Record<'gridWorker' | 'street' | 'department' | 'resident', string>;

  beforeAll(async () => {
    app = await startTestApp([gridEventsService]);
    tokens = {
      gridWorker: await app.tokenFor('grid_worker'),
      street: await app.tokenFor('street_officer'),
      department: await app.tokenFor('department_staff'),
      resident: await app.tokenFor('resident'),
    };
  });
  afterAll(() => app?.close());

  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const otherDepartment = () =>
    app.tokenAs({
      subject: `staff-${randomUUID()}`,
      roles: ['department_staff'],
      scope: { ...huangpu, departmentId: 'dept-zhujian' },
      verification: 'verified',
    });

  /** A report accepted and dispatched to the demo department (区城管执法局, the lead of 占道经营). */
  async function dispatchedToDepartment(description: string): Promise<string> {
    const { body } = await post('/api/cases', tokens.gridWorker, {
      categoryCode: 'order.street-vending',
      description,
      location: inHexie01,
    });
    expect((await post(`/api/cases/${body.caseId}/accept`, tokens.gridWorker)).status).toBe(200);
    const dispatched = await post(`/api/cases/${body.caseId}/dispatch`, tokens.street, { assigneeKind: 'department' });
    expect(dispatched.body).toMatchObject({ status: 'Dispatched', assignee: { kind: 'department', departmentId: 'dept-chengguan' } });
    return body.caseId as string;
  }

  it('merges the duplicate, which then reads as merged into the other case', async () => {
    const first = await dispatchedToDepartment('菜市场门口占道经营');
    const repeat = await dispatchedToDepartment('菜市场门口又有人摆摊');

    const merged = await post(`/api/cases/${repeat}/merge-duplicate`, tokens.department, { intoCaseId: first });
    expect(merged).toMatchObject({ status: 200, body: { caseId: repeat, status: 'Merged', intoCaseId: first } });
    const { body } = await app.request('GET', `/api/cases/${repeat}`, { token: tokens.street });
    expect(body.status).toBe('Merged');
    expect(body.timeline.map((t: { type: string }) => t.type)).toContain('CaseMerged');
  });

  it('refuses another department, a resident and a grid worker, and stores nothing', async () => {
    const first = await dispatchedToDepartment('人行道被三轮车占用');
    const repeat = await dispatchedToDepartment('人行道三轮车还在');

    expect(await post(`/api/cases/${repeat}/merge-duplicate`, await otherDepartment(), { intoCaseId: first })).toMatchObject({
      status: 403,
      body: { code: 'CASE.FORBIDDEN' },
    });
    expect((await post(`/api/cases/${repeat}/merge-duplicate`, tokens.resident, { intoCaseId: first })).status).toBe(403);
    expect((await post(`/api/cases/${repeat}/merge-duplicate`, tokens.gridWorker, { intoCaseId: first })).status).toBe(403);
    const { body } = await app.request('GET', `/api/cases/${repeat}`, { token: tokens.street });
    expect(body.status).toBe('Dispatched');
  });

  it('refuses a made-up target, a target it does not hold, and a missing one, naming the field', async () => {
    const repeat = await dispatchedToDepartment('路口占道卖水果');
    expect(await post(`/api/cases/${repeat}/merge-duplicate`, tokens.department, { intoCaseId: randomUUID() })).toMatchObject({
      status: 422,
      body: { code: 'CASE.MERGE_TARGET_INVALID' },
    });

    // An open case of the same street held by nobody in this department: merging into it would reveal it.
    const { body: untriaged } = await post('/api/cases', tokens.gridWorker, {
      categoryCode: 'order.street-vending',
      description: '另一处占道',
      location: inHexie01,
    });
    expect(await post(`/api/cases/${repeat}/merge-duplicate`, tokens.department, { intoCaseId: untriaged.caseId })).toMatchObject({
      status: 422,
      body: { code: 'CASE.MERGE_TARGET_INVALID' },
    });

    expect(await post(`/api/cases/${repeat}/merge-duplicate`, tokens.department, { intoCaseId: ' ' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', errors: [{ path: 'intoCaseId' }] },
    });
    const { body } = await app.request('GET', `/api/cases/${repeat}`, { token: tokens.street });
    expect(body.status).toBe('Dispatched');
  });
});
