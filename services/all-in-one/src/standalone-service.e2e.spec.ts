import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { gridEventsService } from '@gongzhi/grid-events';
import { pointsService } from '@gongzhi/points';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { startStandaloneService, type HostedService } from '@gongzhi/runtime';
import { freePort, freshTestDatabase, testKafkaBrokers } from '@gongzhi/testing';

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

  it('reports ready: its PostgreSQL store, its PostgreSQL schema and Kafka are up', async () => {
    const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health/ready`);
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.checks).toMatchObject({
      [`store:${service.name}`]: { status: 'up' },
      [`readDb:${service.name}`]: { status: 'up' },
      [`bus:${service.name}`]: { status: 'up' },
    });
  });

  it('refuses to start in distributed mode without its brokers, naming the variable', () => {
    expect(() => loadConfig(platformConfigSchema, { GONGZHI_MODE: 'distributed', GONGZHI_EVENT_STORE: 'postgres', GONGZHI_PG_URL: 'postgres://x@127.0.0.1/db' })).toThrow(
      /GONGZHI_KAFKA_BROKERS: not set; required when GONGZHI_MODE=distributed/,
    );
  });
});
