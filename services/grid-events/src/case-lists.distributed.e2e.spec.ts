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
 * The case lists in distributed mode: the schema built by the migrations alone, the reporter rows' report times kept by
 * the projector from Kafka, and each list one statement on PostgreSQL.
 */
describe('case lists on PostgreSQL and Kafka (distributed mode)', () => {
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-lists-'));
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
      GONGZHI_PG_URL: await freshTestDatabase('lists'),
      GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_LOG_LEVEL: 'warn',
      PORT: String(await freePort()),
    };
    app = await startStandaloneService(gridEventsService, loadConfig(platformConfigSchema, env), { ...env, GONGZHI_AUTH_SECRET: secret });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    worker = await tokenOf({ subject: 'lists-worker', roles: ['grid_worker'], scope: scopeOf('grid_worker'), verification: 'verified' });
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

  it("lists a resident's newest cases with the one they follow, honours limit and status, and the grid's queue", async () => {
    const run = randomUUID().slice(0, 8);
    const neighbour = await tokenOf({
      subject: `resident-${randomUUID()}`,
      roles: ['resident'],
      scope: scopeOf('resident'),
      verification: 'verified',
    });
    const report = async (token: string, description: string) => {
      const reported = await call('POST', '/api/cases', token, {
        categoryCode: 'city.road.pothole',
        description,
        location: { lat: 31.2385, long: 121.4778 },
      });
      expect(reported.status).toBe(201);
      return reported.body.caseId as string;
    };
    const first = await report(resident, `第一处坑 ${run}`);
    const followed = await report(neighbour, `邻居的坑 ${run}`);
    const third = await report(resident, `第三处坑 ${run}`);
    const descriptionsOf = async (query: string, token = resident) => {
      const { status, body } = await call('GET', `/api/cases?${query}`, token);
      expect(status).toBe(200);
      return (body.cases as { description: string }[]).map((c) => c.description);
    };
    await eventuallyPasses(async () => expect(await descriptionsOf('mine=true')).toEqual([`第三处坑 ${run}`, `第一处坑 ${run}`]), 30_000);
    expect((await call('POST', `/api/cases/${followed}/accept`, worker)).status).toBe(200);
    expect((await call('POST', `/api/cases/${followed}/follow`, resident)).status).toBe(200);
    await eventuallyPasses(
      async () => expect(await descriptionsOf('mine=true')).toEqual([`第三处坑 ${run}`, `邻居的坑 ${run}`, `第一处坑 ${run}`]),
      30_000,
    );
    expect(await descriptionsOf('mine=true&limit=2')).toEqual([`第三处坑 ${run}`, `邻居的坑 ${run}`]);
    expect(await descriptionsOf('mine=true&status=Accepted')).toEqual([`邻居的坑 ${run}`]);
    expect(await descriptionsOf('mine=true', neighbour)).toEqual([`邻居的坑 ${run}`]);
    // The topic outlives this database: cases of earlier runs may be in the grid's queue too.
    const queue = (await call('GET', '/api/cases?status=Reported&limit=200', worker)).body.cases as {
      caseId: string;
      reporterId: string;
    }[];
    expect(queue.filter((c) => [first, followed, third].includes(c.caseId)).map((c) => c.caseId)).toEqual([third, first]);
  });
});
