import { randomUUID } from 'node:crypto';
import { departmentDispatchService } from '@gongzhi/department-dispatch';
import { gridEventsService } from '@gongzhi/grid-events';
import type { PrincipalScope, Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

// Issue 24, item 8: a case likely to miss its deadline, judged from the department's recent pace and its backlog,
// raises a warning over HTTP with the reason in plain words, read by the department it concerns and no other.

const API = '/api/department-dispatch';
const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };
const hexie = { ...nanjingdong, communityId: 'community-hexie' };
const chengguanScope = { ...huangpu, departmentId: 'dept-chengguan' };

interface Warning {
  kind: string;
  departmentId: string | null;
  subjectIds: string[];
  reason: { zh: string; en: string };
}

describe('early warning of a likely late case (sla_risk) over HTTP', () => {
  let app: TestApp;
  // Tokens last 15 minutes of the test's clock, which moves by days here: a fresh one for every call.
  const as = (role: Role, scope: PrincipalScope) =>
    app.tokenAs({ subject: `${role}-${randomUUID()}`, roles: [role], scope, verification: 'verified' });
  const post = async (path: string, token: string, body: unknown = {}) => {
    const answer = await app.request('POST', path, { token, body });
    if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const warningsAs = async (token: string) => app.request<{ warnings: Warning[] }>('GET', `${API}/early-warnings`, { token });

  /** A case of 和谐社区 dispatched to the city management bureau; answers its case and assignment ids. */
  async function dispatchToChengguan(description: string): Promise<{ caseId: string; assignmentId: string }> {
    const { caseId } = await post('/api/cases', await as('resident', { ...hexie, gridId: 'grid-hexie-01' }), {
      categoryCode: 'order.street-vending',
      description,
      location: { lat: 31.2385, long: 121.4778 },
      photoIds: [],
      anonymous: false,
    });
    await post(`/api/cases/${caseId}/accept`, await as('community_officer', hexie));
    await post(`/api/cases/${caseId}/dispatch`, await as('street_officer', nanjingdong), {
      assigneeKind: 'department',
      departmentId: 'dept-chengguan',
    });
    const assignmentId = await eventuallyPasses(async () => {
      const inbox = await app.request('GET', `${API}/departments/dept-chengguan/assignments`, {
        token: await as('department_staff', chengguanScope),
      });
      const row = inbox.body.assignments.find((a: { caseId: string }) => a.caseId === caseId);
      expect(row).toBeDefined();
      return row.assignmentId as string;
    });
    return { caseId, assignmentId };
  }

  beforeAll(async () => {
    app = await startTestApp([gridEventsService, departmentDispatchService]);
  });
  afterAll(() => app?.close());

  it('warns the department when its recent pace cannot meet the new case’s deadline, saying why in plain words', async () => {
    // Three cases each took the bureau 30 hours: longer than the 24 hours a street-vending case allows.
    for (const n of [1, 2, 3]) {
      const { assignmentId } = await dispatchToChengguan(`夜市摊贩占道 第 ${n} 次 ${randomUUID()}`);
      await post(`${API}/assignments/${assignmentId}/acknowledge`, await as('department_staff', chengguanScope));
      app.clock.advance({ hours: 30 });
      await post(`${API}/assignments/${assignmentId}/complete`, await as('department_staff', chengguanScope), { notes: '已劝离' });
    }
    expect((await warningsAs(await as('department_staff', chengguanScope))).body.warnings).toEqual([]);

    const { caseId } = await dispatchToChengguan(`人行道又被摊位占用 ${randomUUID()}`);
    const chengguan = await as('department_staff', chengguanScope);
    await eventuallyPasses(async () => {
      expect((await warningsAs(chengguan)).body.warnings).toEqual([
        expect.objectContaining({ kind: 'sla_risk', departmentId: 'dept-chengguan', subjectIds: [caseId] }),
      ]);
    });
    const [warning] = (await warningsAs(chengguan)).body.warnings;
    expect(warning.reason.zh).toBe(
      '区城管执法局手上还有 0 件未办完，近 30 天办结一件的中位用时 30 小时；这件离办结时限只剩 24 小时，可能超时。',
    );
    expect(warning.reason.en).toContain('median of 30 hours');

    // Another department's staff, another street's officer: nothing. A resident: not theirs to read.
    expect((await warningsAs(await as('department_staff', { ...huangpu, departmentId: 'dept-jiaojing' }))).body.warnings).toEqual([]);
    expect((await warningsAs(await as('street_officer', { ...huangpu, streetId: 'street-waitan' }))).body.warnings).toEqual([]);
    expect((await warningsAs(await as('resident', { ...hexie, gridId: 'grid-hexie-01' }))).status).toBe(403);
  });
});
