import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { gridEventsService } from '@gongzhi/grid-events';
import { pointsService } from '@gongzhi/points';
import { TOPICS } from '@gongzhi/contracts';
import { AccessTokenSigner, DEFAULT_ISSUER_SETTINGS, DEMO_ACCOUNTS, systemClock, type Principal } from '@gongzhi/identity';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { startStandaloneService, type HostedService } from '@gongzhi/runtime';
import { eventuallyPasses, freePort, freshTestDatabase, kafkaClient, testKafkaBrokers, uncommittedMessages } from '@gongzhi/testing';

/** A service started alone in distributed mode, on the real PostgreSQL and Kafka of the test harness. */
describe.each<[string, HostedService]>([
  ['grid-events', gridEventsService],
  ['points', pointsService],
])('%s started alone (distributed mode)', (_, service) => {
  let app: INestApplication;
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-standalone-'));

  beforeAll(async () => {
    const env = {
      GONGZHI_MODE: 'distributed',
      GONGZHI_EVENT_STORE: 'postgres',
      GONGZHI_PG_URL: await freshTestDatabase('standalone'),
      GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_LOG_LEVEL: 'warn',
      PORT: String(await freePort()),
    };
    const config = loadConfig(platformConfigSchema, env);
    app = await startStandaloneService(service, config, { ...env, GONGZHI_AUTH_SECRET: randomBytes(32).toString('hex') });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports ready on its PostgreSQL store and schema, and Kafka among the dependencies of /health', async () => {
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${base}/health/ready`);
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      checks: { [`store:${service.name}`]: { status: 'up' }, [`readDb:${service.name}`]: { status: 'up' } },
    });
    expect(await (await fetch(`${base}/health`)).json()).toEqual({
      status: 'ok',
      dependencies: { [`bus:${service.name}`]: { status: 'up' } },
    });
  });

  it('refuses to start in distributed mode without its brokers, naming the variable', () => {
    expect(() =>
      loadConfig(platformConfigSchema, {
        GONGZHI_MODE: 'distributed',
        GONGZHI_EVENT_STORE: 'postgres',
        GONGZHI_PG_URL: 'postgres://x@127.0.0.1/db',
      }),
    ).toThrow(/GONGZHI_KAFKA_BROKERS: not set; required when GONGZHI_MODE=distributed/);
  });
});

/**
 * Two services as they are deployed: separate processes' worth of state (own PostgreSQL database each),
 * nothing shared but the broker. A case accepted in grid-events reaches points only through its relay and
 * Kafka; points restarting (a deploy) neither loses its place nor counts a report twice.
 * In this file, after the single-service checks, so no other points instance shares the consumer group.
 */
describe('grid-events and points in distributed mode, joined only by Kafka', () => {
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-distributed-'));
  let gridEvents: INestApplication;
  let points: INestApplication;
  let pointsEnv: Record<string, string>;

  const start = async (service: HostedService, env: Record<string, string>) =>
    startStandaloneService(service, loadConfig(platformConfigSchema, env), { ...env, GONGZHI_AUTH_SECRET: secret });
  const environment = async (name: string) => ({
    GONGZHI_MODE: 'distributed',
    GONGZHI_EVENT_STORE: 'postgres',
    GONGZHI_PG_URL: await freshTestDatabase(name),
    GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
    GONGZHI_DATA_DIR: join(dataDir, name),
    GONGZHI_LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
  });

  beforeAll(async () => {
    gridEvents = await start(gridEventsService, await environment('grid'));
    pointsEnv = await environment('points');
    points = await start(pointsService, pointsEnv);
  });
  afterAll(async () => {
    await gridEvents?.close();
    await points?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * A token as the built-in issuer signs it (HS256 with the shared secret). The services started here check
   * expiry against the machine's clock, so the token is issued on that clock too.
   */
  const signer = new AccessTokenSigner(secret, DEFAULT_ISSUER_SETTINGS, systemClock);
  const tokenOf = async (principal: Principal) => (await signer.sign(principal)).accessToken;
  const demo = (role: 'resident' | 'grid_worker') => DEMO_ACCOUNTS.find((a) => a.role === role)!;
  let resident: string;
  let gridWorker: string;
  beforeAll(async () => {
    resident = await tokenOf({
      subject: `resident-${randomBytes(6).toString('hex')}`,
      roles: ['resident'],
      scope: demo('resident').scope,
      verification: 'verified',
    });
    gridWorker = await tokenOf({
      subject: 'grid-worker-distributed',
      roles: ['grid_worker'],
      scope: demo('grid_worker').scope,
      verification: 'verified',
    });
  });

  const call = async (app: INestApplication, method: string, path: string, token: string, body?: unknown) => {
    const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}${path}`;
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const reportAndAccept = async (description: string) => {
    const reported = await call(gridEvents, 'POST', '/api/cases', resident, {
      categoryCode: 'city.road.pothole',
      description,
      location: { lat: 31.2385, long: 121.4778 },
    });
    expect(reported.status).toBe(201);
    expect((await call(gridEvents, 'POST', `/api/cases/${reported.body.caseId}/accept`, gridWorker, {})).status).toBe(200);
  };
  const balance = async () => (await call(points, 'GET', '/api/points/me', resident)).body.balance as number;

  it('awards the reporter once for an accepted report, and keeps counting right across a restart of points', async () => {
    await reportAndAccept('人行道上有个大坑，老人容易绊倒');
    await eventuallyPasses(async () => expect(await balance()).toBe(5), 60_000);

    await points.close(); // a deploy: the consumer leaves its group and comes back with the same database
    points = await start(pointsService, pointsEnv);
    await reportAndAccept('路灯不亮，晚上看不清台阶');
    await eventuallyPasses(async () => expect(await balance()).toBe(10), 60_000);
    // Points has committed every grid-events message so far, so a redelivery that counted twice would show now.
    const kafka = kafkaClient(testKafkaBrokers());
    await eventuallyPasses(
      async () => expect(await uncommittedMessages(kafka, `points-awards-${TOPICS['grid-events']}`, TOPICS['grid-events'])).toBe(0),
      30_000,
    );
    expect(await balance()).toBe(10);
    const ledger = await call(points, 'GET', '/api/points/me/ledger', resident);
    expect(ledger.body).toEqual([
      expect.objectContaining({ kind: 'award', points: 5, ruleId: 'valid-report' }),
      expect.objectContaining({ kind: 'award', points: 5 }),
    ]);
  });
});
