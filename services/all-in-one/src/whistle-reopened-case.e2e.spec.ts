import type { DataSource } from 'typeorm';
import { departmentDispatchService } from '@gongzhi/department-dispatch';
import { gridEventsService } from '@gongzhi/grid-events';
import { Account, DEMO_ACCOUNTS, IDENTITY_DATA_SOURCE, seedDemoAccounts, type Role } from '@gongzhi/identity';
import { eventuallyPasses as eventually, startTestApp, type TestApp } from '@gongzhi/testing';

const DISPATCH = '/api/department-dispatch';
const STREET = 'street-nanjingdong';
const inHexie01 = { lat: 31.2385, long: 121.4778 };
const JIAOJING = { username: 'test-staff-jiaojing', password: 'test-staff-password-2026' };

// A case the street's whistle resolved before anyone was dispatched has no holder. Reopened by its reporter,
// it goes back to be dispatched — and the reporter is told that, not that someone has it again — and the
// dispatch gives it a holder and a deadline.
describe('a whistle-resolved case, reopened', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([gridEventsService, departmentDispatchService]);
    const identity = app.app.get<DataSource>(IDENTITY_DATA_SOURCE, { strict: false });
    await seedDemoAccounts(
      identity.getRepository(Account),
      [
        {
          ...JIAOJING,
          displayName: '交警值班',
          role: 'department_staff',
          scope: { cityId: 'city-shanghai', districtId: 'district-huangpu', departmentId: 'dept-jiaojing' },
        },
      ],
      { now: app.clock.now() },
    );
  });
  afterAll(() => app?.close());

  const tokenOf = (who: Role | 'jiaojing') => {
    if (who === 'jiaojing') return app.login(JIAOJING.username, JIAOJING.password);
    const demo = DEMO_ACCOUNTS.find((a) => a.role === who)!;
    return app.login(demo.username, demo.password);
  };
  const post = (path: string, token: string, body: unknown = {}) => app.request('POST', path, { token, body });
  const get = (path: string, token: string) => app.request('GET', path, { token });

  it('goes back to be dispatched, tells the reporter so, and gets a holder and a deadline from the dispatch', async () => {
    const [resident, gridWorker, officer, chengguan, jiaojing] = await Promise.all([
      tokenOf('resident'),
      tokenOf('grid_worker'),
      tokenOf('street_officer'),
      tokenOf('department_staff'),
      tokenOf('jiaojing'),
    ]);
    const reported = await post('/api/cases', resident, {
      categoryCode: 'order.street-vending',
      description: '夜市摊位占用消防通道',
      location: inHexie01,
    });
    const caseId: string = reported.body.caseId;
    expect((await post(`/api/cases/${caseId}/accept`, gridWorker)).status).toBe(200);
    expect(
      (await post(`/api/cases/${caseId}/escalate`, officer, { departmentIds: ['dept-chengguan', 'dept-jiaojing'], note: null })).status,
    ).toBe(200);
    await eventually(async () => {
      const { body } = await get(`${DISPATCH}/streets/${STREET}/escalated-cases`, officer);
      expect(body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    });
    const blown = await post(`${DISPATCH}/streets/${STREET}/whistles`, officer, {
      title: '夜市占道',
      description: '摊位占用消防通道',
      caseId,
      departmentIds: ['dept-chengguan', 'dept-jiaojing'],
      leadDepartmentId: 'dept-chengguan',
    });
    const whistleId: string = blown.body.whistleId;
    for (const token of [chengguan, jiaojing]) expect((await post(`${DISPATCH}/whistles/${whistleId}/check-in`, token)).status).toBe(200);
    await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, chengguan, { notes: '摊位已清理', photoIds: [] });
    expect((await post(`${DISPATCH}/whistles/${whistleId}/task/complete`, jiaojing, { notes: '已疏导', photoIds: [] })).body.status).toBe(
      'Resolved',
    );
    await eventually(async () =>
      expect((await get(`/api/cases/${caseId}`, officer)).body).toMatchObject({ status: 'Resolved', assignment: null }),
    );

    expect((await post(`/api/cases/${caseId}/reopen`, resident, { reason: '摊位又摆回来了' })).status).toBe(200);
    expect((await get(`/api/cases/${caseId}`, officer)).body).toMatchObject({ status: 'Accepted', assignment: null });
    const reopenedNotice = await eventually(async () => {
      const { body } = await get('/api/notifications', resident);
      const notice = body.notifications.find((n: { kind: string }) => n.kind === 'reopened');
      expect(notice).toBeDefined();
      return notice;
    });
    expect(JSON.stringify(reopenedNotice)).toContain('正在重新安排处置单位');
    expect(JSON.stringify(reopenedNotice)).not.toContain('已重新交办');
    await eventually(async () => {
      const { body } = await get('/api/cases?status=Accepted', officer);
      expect((body.cases ?? []).map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    });

    // The street dispatches it again: now someone holds it, by a time.
    const dispatched = await post(`/api/cases/${caseId}/dispatch`, officer, { assigneeKind: 'department', departmentId: 'dept-chengguan' });
    expect(dispatched.status).toBe(200);
    expect((await get(`/api/cases/${caseId}`, officer)).body).toMatchObject({
      status: 'Dispatched',
      assignment: { departmentId: 'dept-chengguan', resolveBy: expect.any(String), acknowledgeBy: expect.any(String) },
    });
    await eventually(async () => {
      const { body } = await get(`${DISPATCH}/departments/dept-chengguan/assignments`, chengguan);
      expect(body.assignments.find((a: { caseId: string; status: string }) => a.caseId === caseId && a.status === 'created')).toBeDefined();
    });
  });
});
