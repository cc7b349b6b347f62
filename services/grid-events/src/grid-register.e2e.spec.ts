import { randomUUID } from 'node:crypto';
import type { Principal } from '@gongzhi/identity';
import { eventuallyPasses, startTestApp, type TestApp } from '@gongzhi/testing';
import { gridEventsService } from './index';
import { baseRecordAnswer, baseRecordsAnswer, facilityCasesAnswer } from './queries/grid-register/grid-register.response';

// Issue 24, item 2: base data kept by grid workers (人、地、事、物、组织), read and changed only by the grid's staff,
// with who changed what and when; a case can name a facility, and a facility's cases are one query.

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const hexie = { cityId: 'city-shanghai', districtId: 'district-huangpu', streetId: 'street-nanjingdong', communityId: 'community-hexie' };
const register = '/api/grids/grid-hexie-01/base-records';

describe("a grid's register of base data, over HTTP", () => {
  let app: TestApp;
  let worker: string;
  let workerId: string;
  let officer: string;
  let resident: string;
  let otherGridWorker: string;

  const lift = (name: string) => ({
    kind: 'facility',
    facilityKind: 'lift',
    name,
    buildingName: '和谐路3号楼',
    lat: null,
    long: null,
    condition: 'working',
  });
  const storeHead = () => app.platform.infrastructure.get('grid-events')!.eventStore.headPosition();

  beforeAll(async () => {
    app = await startTestApp([gridEventsService]);
    [worker, officer, resident] = await Promise.all([
      app.tokenFor('grid_worker'),
      app.tokenFor('community_officer'),
      app.tokenFor('resident'),
    ]);
    workerId = (await app.request('GET', '/api/auth/me', { token: worker })).body.subject;
    const otherGrid: Principal = {
      subject: `worker-${randomUUID()}`,
      roles: ['grid_worker'],
      scope: { ...hexie, gridId: 'grid-hexie-02' },
      verification: 'verified',
    };
    otherGridWorker = await app.tokenAs(otherGrid);
  });
  afterAll(() => app?.close());

  async function registerLift(name = `1单元电梯 ${randomUUID().slice(0, 8)}`): Promise<string> {
    const answer = await app.request('POST', register, { token: worker, body: lift(name) });
    expect(answer.status).toBe(201);
    return answer.body.recordId as string;
  }

  it("lists a facility a grid worker entered, and shows who changed what, and when, in the entry's history", async () => {
    const name = `3号楼电梯 ${randomUUID().slice(0, 8)}`;
    const facilityId = await registerLift(name);
    app.clock.advance({ minutes: 10 });
    const amended = await app.request('PATCH', `${register}/${facilityId}`, { token: officer, body: { condition: 'faulty', name } });

    expect(amended).toMatchObject({ status: 200, body: { changed: 1 } });
    await eventuallyPasses(async () => {
      const list = await app.request('GET', `${register}?kind=facility`, { token: worker });
      expect(list.body.records).toContainEqual(
        expect.objectContaining({ recordId: facilityId, label: name, details: expect.objectContaining({ condition: 'faulty' }) }),
      );
      // Parsed with the schema the OpenAPI document (and so the web app's types) declares.
      baseRecordsAnswer.parse(list.body);
    });
    baseRecordsAnswer.parse((await app.request('GET', register, { token: worker })).body);
    const entry = await app.request('GET', `${register}/${facilityId}`, { token: worker });
    baseRecordAnswer.parse(entry.body);
    const officerId = (await app.request('GET', '/api/auth/me', { token: officer })).body.subject;
    expect(entry.body.history).toEqual([
      expect.objectContaining({
        action: 'registered',
        by: workerId,
        changes: expect.arrayContaining([{ field: 'name', from: null, to: name }]),
      }),
      {
        action: 'amended',
        by: officerId,
        at: expect.any(String),
        changes: [{ field: 'condition', from: 'working', to: 'faulty' }],
        reason: null,
      },
    ]);
    const [registeredAt, amendedAt] = entry.body.history.map((h: { at: string }) => Date.parse(h.at));
    expect(amendedAt - registeredAt).toBe(10 * 60_000);
  });

  it("keeps a household as a unit and a head count, readable by the grid's staff and by no resident", async () => {
    const answer = await app.request('POST', register, {
      token: worker,
      body: { kind: 'household', buildingName: '和谐路3号楼', unit: `1单元${randomUUID().slice(0, 4)}`, size: 3 },
    });
    expect(answer.status).toBe(201);
    const path = `${register}/${answer.body.recordId}`;

    expect((await app.request('GET', path, { token: officer })).body.details).toMatchObject({ kind: 'household', size: 3 });
    expect((await app.request('GET', path, { token: resident })).status).toBe(403);
    expect((await app.request('GET', path, { token: otherGridWorker })).status).toBe(403);
  });

  it('refuses a grid worker of another grid and a resident every read and change of the register, and stores nothing', async () => {
    const facilityId = await registerLift();
    const before = await storeHead();
    for (const token of [otherGridWorker, resident]) {
      const answers = await Promise.all([
        app.request('GET', register, { token }),
        app.request('GET', `${register}/${facilityId}`, { token }),
        app.request('GET', `/api/grids/grid-hexie-01/facilities/${facilityId}/cases`, { token }),
        app.request('POST', register, { token, body: lift('冒名登记的电梯') }),
        app.request('PATCH', `${register}/${facilityId}`, { token, body: { condition: 'out_of_service' } }),
        app.request('POST', `${register}/${facilityId}/retire`, { token, body: { reason: '拆除' } }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
    }
    // Naming their own grid in the path does not reach another grid's entry: it is as unknown as a made-up id.
    const probe = await app.request('GET', `/api/grids/grid-hexie-02/base-records/${facilityId}`, { token: otherGridWorker });
    expect(probe).toMatchObject({ status: 404, body: { code: 'BASE_RECORD.NOT_FOUND' } });
    const amendThroughOwnGrid = await app.request('PATCH', `/api/grids/grid-hexie-02/base-records/${facilityId}`, {
      token: otherGridWorker,
      body: { condition: 'out_of_service' },
    });
    expect(amendThroughOwnGrid.status).toBe(404);
    expect(await storeHead()).toBe(before);
  });

  it('refuses bad input with the field at fault, and keeps nothing of it', async () => {
    const before = await storeHead();
    const badKind = await app.request('POST', register, { token: worker, body: { ...lift('路灯'), condition: 'broken-ish' } });
    expect(badKind).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ path: 'condition' })] },
    });

    const facilityId = await registerLift();
    const afterRegister = await storeHead();
    const wrongField = await app.request('PATCH', `${register}/${facilityId}`, { token: worker, body: { size: 4 } });
    expect(wrongField).toMatchObject({ status: 422, body: { code: 'BASE_RECORD.UNKNOWN_FIELD', errors: [{ path: 'size' }] } });
    const unknownGrid = await app.request('POST', '/api/grids/grid-nowhere/base-records', { token: worker, body: lift('电梯') });
    expect(unknownGrid).toMatchObject({ status: 404, body: { code: 'GRID.NOT_FOUND' } });
    expect(afterRegister).toBeGreaterThan(before);
    expect(await storeHead()).toBe(afterRegister);
  });

  it("lists a facility's cases in one query: a case reported at it, and none of another facility", async () => {
    const facilityId = await registerLift();
    const other = await registerLift();
    const description = `电梯困人 ${randomUUID()}`;
    const reported = await app.request('POST', '/api/cases', {
      token: resident,
      body: { categoryCode: 'city.road.pothole', description, location: inHexie01, facilityId },
    });
    expect(reported).toMatchObject({ status: 201, body: { gridId: 'grid-hexie-01' } });
    await app.request('POST', '/api/cases', {
      token: resident,
      body: { categoryCode: 'city.road.pothole', description: `另一部电梯 ${randomUUID()}`, location: inHexie01, facilityId: other },
    });

    await eventuallyPasses(async () => {
      const history = await app.request('GET', `/api/grids/grid-hexie-01/facilities/${facilityId}/cases`, { token: worker });
      expect(history.status).toBe(200);
      expect(history.body.cases).toEqual([expect.objectContaining({ caseId: reported.body.caseId, description, status: 'Reported' })]);
      facilityCasesAnswer.parse(history.body);
    });
  });

  it('refuses a report naming a facility its grid does not have (made up, or of another grid), and records no case', async () => {
    const elsewhere = await app.request('POST', '/api/grids/grid-hexie-02/base-records', {
      token: otherGridWorker,
      body: lift('别的网格的电梯'),
    });
    expect(elsewhere.status).toBe(201);
    const before = await storeHead();
    for (const facilityId of ['made-up-facility', elsewhere.body.recordId as string]) {
      const answer = await app.request('POST', '/api/cases', {
        token: resident,
        body: { categoryCode: 'city.road.pothole', description: '电梯坏了', location: inHexie01, facilityId },
      });
      expect(answer).toMatchObject({
        status: 422,
        body: { code: 'CASE.FACILITY_NOT_IN_GRID', errors: [{ path: 'facilityId', message: expect.stringContaining('grid-hexie-01') }] },
      });
    }
    expect(await storeHead()).toBe(before);
  });

  it('refuses a retired facility in a new report, while its history stays readable', async () => {
    const facilityId = await registerLift();
    const retired = await app.request('POST', `${register}/${facilityId}/retire`, { token: worker, body: { reason: '电梯已更换' } });
    expect(retired).toMatchObject({ status: 200, body: { status: 'retired' } });
    const report = await app.request('POST', '/api/cases', {
      token: resident,
      body: { categoryCode: 'city.road.pothole', description: '电梯坏了', location: inHexie01, facilityId },
    });
    expect(report.status).toBe(422);
    const entry = await app.request('GET', `${register}/${facilityId}`, { token: worker });
    expect(entry.body).toMatchObject({
      status: 'retired',
      history: [{ action: 'registered' }, { action: 'retired', reason: '电梯已更换', by: workerId }],
    });
  });

  it("lets the grid's staff name the facility of a case reported without one, and refuses another grid's worker and a facility of another grid", async () => {
    const facilityId = await registerLift();
    const reported = await app.request('POST', '/api/cases', {
      token: resident,
      body: { categoryCode: 'city.road.pothole', description: `电梯异响 ${randomUUID()}`, location: inHexie01 },
    });
    const caseId = reported.body.caseId as string;
    const elsewhere = await app.request('POST', '/api/grids/grid-hexie-02/base-records', {
      token: otherGridWorker,
      body: lift('二网格电梯'),
    });
    const before = await storeHead();

    const intruder = await app.request('POST', `/api/cases/${caseId}/facility`, { token: otherGridWorker, body: { facilityId } });
    const residentTries = await app.request('POST', `/api/cases/${caseId}/facility`, { token: resident, body: { facilityId } });
    const wrongGrid = await app.request('POST', `/api/cases/${caseId}/facility`, {
      token: worker,
      body: { facilityId: elsewhere.body.recordId },
    });
    expect([intruder.status, residentTries.status]).toEqual([403, 403]);
    expect(wrongGrid).toMatchObject({ status: 422, body: { code: 'CASE.FACILITY_NOT_IN_GRID', errors: [{ path: 'facilityId' }] } });
    expect(await storeHead()).toBe(before);

    const named = await app.request('POST', `/api/cases/${caseId}/facility`, { token: worker, body: { facilityId } });
    expect(named).toMatchObject({ status: 200, body: { facilityId } });
    await eventuallyPasses(async () => {
      const history = await app.request('GET', `/api/grids/grid-hexie-01/facilities/${facilityId}/cases`, { token: officer });
      expect(history.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    });
  });

  it('enters one facility from a registration sent twice with the same Idempotency-Key (a phone that lost the signal)', async () => {
    const key = randomUUID();
    const name = `路灯 ${randomUUID().slice(0, 8)}`;
    const send = () =>
      fetch(`${app.url}${register}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ ...lift(name), facilityKind: 'street_light', buildingName: null }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { recordId: string } }));
    const first = await send();
    const again = await send();

    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    const entries = (await app.platform.infrastructure.get('grid-events')!.eventStore.readAll()).filter(
      (e) => e.type === 'BaseRecordRegistered' && (e.data as { details: { name: string } }).details.name === name,
    );
    expect(entries).toHaveLength(1);
  });
});
