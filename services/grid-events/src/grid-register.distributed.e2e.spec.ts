import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AccessTokenSigner, DEFAULT_ISSUER_SETTINGS, DEMO_ACCOUNTS, systemClock, type Principal } from '@gongzhi/identity';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { startStandaloneService } from '@gongzhi/runtime';
import { eventuallyPasses, freePort, freshTestDatabase, testKafkaBrokers } from '@gongzhi/testing';
import { gridEventsService } from './index';

/**
 * The grid register in distributed mode: its PostgreSQL schema built by the migrations alone, its lists kept by the
 * projector from Kafka, and a facility's cases read from the case views there.
 */
describe('the grid register on PostgreSQL and Kafka (distributed mode)', () => {
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-register-'));
  let app: INestApplication;
  let base: string;

  // The service checks expiry on the machine's clock, so the token is issued on that clock too.
  const signer = new AccessTokenSigner(secret, DEFAULT_ISSUER_SETTINGS, systemClock);
  const tokenOf = async (principal: Principal) => (await signer.sign(principal)).accessToken;
  const scopeOf = (role: 'resident' | 'grid_worker') => DEMO_ACCOUNTS.find((a) => a.role === role)!.scope;
  let worker: string;
  let resident: string;

  beforeAll(async () => {
    const env = {
      GONGZHI_MODE: 'distributed',
      GONGZHI_EVENT_STORE: 'postgres',
      GONGZHI_PG_URL: await freshTestDatabase('register'),
      GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_LOG_LEVEL: 'warn',
      PORT: String(await freePort()),
    };
    app = await startStandaloneService(gridEventsService, loadConfig(platformConfigSchema, env), { ...env, GONGZHI_AUTH_SECRET: secret });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await tokenOf({ subject: 'register-worker', roles: ['grid_worker'], scope: scopeOf('grid_worker'), verification: 'verified' });
    resident = await tokenOf({
      subject: `resident-${randomUUID()}`,
      roles: ['resident'],
      scope: scopeOf('resident'),
      verification: 'verified',
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('lists a facility, its change and its case from the read models, and refuses a resident', async () => {
    const name = `消防栓 ${randomUUID().slice(0, 8)}`;
    const registered = await call('POST', '/api/grids/grid-hexie-01/base-records', worker, {
      kind: 'facility',
      facilityKind: 'hydrant',
      name,
      buildingName: null,
      lat: 31.2385,
      long: 121.4778,
      condition: 'working',
    });
    expect(registered.status).toBe(201);
    const facilityId = registered.body.recordId as string;
    expect((await call('PATCH', `/api/grids/grid-hexie-01/base-records/${facilityId}`, worker, { condition: 'faulty' })).status).toBe(200);
    const description = `消防栓漏水 ${randomUUID()}`;
    const reported = await call('POST', '/api/cases', resident, {
      categoryCode: 'city.road.pothole',
      description,
      location: { lat: 31.2385, long: 121.4778 },
      facilityId,
    });
    expect(reported.status).toBe(201);

    await eventuallyPasses(async () => {
      const list = await call('GET', '/api/grids/grid-hexie-01/base-records?kind=facility', worker);
      // The topic outlives this database: entries of earlier runs may be listed too.
      expect(list.body.records).toContainEqual(
        expect.objectContaining({
          recordId: facilityId,
          label: name,
          updatedBy: 'register-worker',
          details: expect.objectContaining({ condition: 'faulty' }),
        }),
      );
      const cases = await call('GET', `/api/grids/grid-hexie-01/facilities/${facilityId}/cases`, worker);
      expect(cases.body.cases).toEqual([expect.objectContaining({ caseId: reported.body.caseId, description })]);
    }, 30_000);
    expect((await call('GET', '/api/grids/grid-hexie-01/base-records', resident)).status).toBe(403);
  });
});
