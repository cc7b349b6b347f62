import { randomUUID } from 'node:crypto';
import { departmentDispatchService, DepartmentDispatchRuntime, earlyWarningsAnswer } from '@gongzhi/department-dispatch';
import { gridEventsService } from '@gongzhi/grid-events';
import type { PrincipalScope, Role } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';

const API = '/api/department-dispatch';
const huangpu = { cityId: 'city-shanghai', districtId: 'district-huangpu' };
const nanjingdong = { ...huangpu, streetId: 'street-nanjingdong' };
const hexieResident = { ...nanjingdong, communityId: 'community-hexie', gridId: 'grid-hexie-01' };
/** Three spots of 和谐社区第一网格 within 150 m of each other. */
const SPOTS = [
  { lat: 31.2385, long: 121.4778 },
  { lat: 31.2389, long: 121.478 },
  { lat: 31.2382, long: 121.4775 },
];

interface Warning {
  kind: string;
  departmentId: string | null;
  gridId: string | null;
  subjectIds: string[];
  reason: { zh: string; en: string };
}

describe('early warnings (预警) over HTTP: raised from what happens, each with its reason, read only by the staff it concerns', () => {
  let app: TestApp;
  const as = (role: Role, scope: PrincipalScope) =>
    app.tokenAs({ subject: `${role}-${randomUUID()}`, roles: [role], scope, verification: 'verified' });
  const scheduler = () => app.app.get(DepartmentDispatchRuntime, { strict: false }).scheduler;
  const warningsAs = async (token: string) => app.request<{ warnings: Warning[] }>('GET', `${API}/early-warnings`, { token });

  beforeAll(async () => {
    app = await startTestApp([gridEventsService, departmentDispatchService]);
  });
  afterAll(() => app?.close());

  it('warns the street of a problem reported a third time at one place, and no one else', async () => {
    const caseIds: string[] = [];
    for (const location of SPOTS) {
      app.clock.advance({ days: 3 });
      const reported = await app.request('POST', '/api/cases', {
        token: await as('resident', hexieResident),
        body: {
          categoryCode: 'city.road.pothole',
          description: `路面坑洼又出现了 ${randomUUID()}`,
          location,
          photoIds: [],
          anonymous: false,
        },
      });
      expect(reported.status).toBe(201);
      caseIds.push(reported.body.caseId);
    }

    const street = await as('street_officer', nanjingdong);
    await eventuallyPasses(async () => {
      const { body } = await warningsAs(street);
      expect(body.warnings).toEqual([
        expect.objectContaining({ kind: 'repeat_problem', gridId: 'grid-hexie-01', departmentId: null, subjectIds: caseIds }),
      ]);
    });
    const [warning] = (await warningsAs(street)).body.warnings;
    expect(warning.reason.zh).toContain('第 3 次反映同类问题');

    // A department, another street's officer and a resident do not read it.
    expect((await warningsAs(await as('department_staff', { ...huangpu, departmentId: 'dept-chengguan' }))).body.warnings).toEqual([]);
    expect((await warningsAs(await as('street_officer', { ...huangpu, streetId: 'street-waitan' }))).body.warnings).toEqual([]);
    expect((await warningsAs(await as('resident', hexieResident))).status).toBe(403);
  });

  it('warns a department that missed its third whistle check-in within 30 days, once', async () => {
    const blowAndMiss = async () => {
      const officer = await as('street_officer', nanjingdong);
      const blown = await app.request('POST', `${API}/streets/street-nanjingdong/whistles`, {
        token: officer,
        body: { title: '夜市占道', description: '摊位占用消防通道', departmentIds: ['dept-jiaojing'], leadDepartmentId: 'dept-jiaojing' },
      });
      expect(blown.status).toBe(201);
      const timer = `whistle-${blown.body.whistleId}:dept-jiaojing:check-in:street`;
      await eventuallyPasses(async () => expect((await scheduler().pending()).map((t) => t.id)).toContain(timer));
      app.clock.advance({ minutes: 31 });
      await scheduler().fireDue();
      app.clock.advance({ days: 2 });
      return blown.body.whistleId as string;
    };
    const whistleIds = [await blowAndMiss(), await blowAndMiss(), await blowAndMiss()];

    const jiaojing = await as('department_staff', { ...huangpu, departmentId: 'dept-jiaojing' });
    await eventuallyPasses(async () => {
      const { body } = await warningsAs(jiaojing);
      expect(body.warnings).toEqual([
        expect.objectContaining({ kind: 'check_in_misses', departmentId: 'dept-jiaojing', subjectIds: whistleIds }),
      ]);
    });
    expect((await warningsAs(jiaojing)).body.warnings[0].reason.zh).toBe('区交警支队近 30 天已有 3 次吹哨没有按时报到。');
    const chengguan = await as('department_staff', { ...huangpu, departmentId: 'dept-chengguan' });
    expect((await warningsAs(chengguan)).body.warnings).toEqual([]);
    // A fourth miss is the same run of misses: once the detector has counted it, there is still one warning.
    await blowAndMiss();
    const dispatchDatabase = app.platform.infrastructure.get('department-dispatch')!.dataSource;
    await eventuallyPasses(async () =>
      expect(await dispatchDatabase.query(`SELECT whistle_id FROM dd_missed_check_ins WHERE department_id = 'dept-jiaojing'`)).toHaveLength(
        4,
      ),
    );
    expect((await warningsAs(await as('department_staff', { ...huangpu, departmentId: 'dept-jiaojing' }))).body.warnings).toHaveLength(1);
    const supervisor = await as('supervisor', huangpu);
    await eventuallyPasses(async () => {
      const kinds = (await warningsAs(supervisor)).body.warnings.map((w) => w.kind).sort();
      expect(kinds).toEqual(['check_in_misses', 'repeat_problem']);
    });
    // Parsed with the schema the OpenAPI document (and so the web app's types) declares.
    earlyWarningsAnswer.parse((await warningsAs(supervisor)).body);
  });
});
