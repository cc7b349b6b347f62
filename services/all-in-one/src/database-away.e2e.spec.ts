import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { deliberationService } from '@gongzhi/deliberation';
import { claimsFromPrincipal, DEFAULT_ISSUER_SETTINGS, DEMO_ACCOUNTS } from '@gongzhi/identity';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { startStandaloneService } from '@gongzhi/runtime';
import { freePort, startPostgresProcess, testKafkaBrokers, type RunningPostgres } from '@gongzhi/testing';

/**
 * A service alone, its PostgreSQL server restarting under it (a server of this test's own, so it can stop it):
 * a command then is answered 503 with Retry-After — nothing written, try again — not a 500; and readiness says so.
 */
describe('a command while the database is away', () => {
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-db-away-'));
  let postgres: RunningPostgres;
  let app: INestApplication;
  let base: string;
  // Distributed deliberation keeps its ballot secret outside the databases: it is given, as an operator would.
  const configuredBallotSecret = process.env['GONGZHI_BALLOT_SECRET'];

  beforeAll(async () => {
    process.env['GONGZHI_BALLOT_SECRET'] = randomBytes(48).toString('base64url');
    postgres = await startPostgresProcess();
    const env = {
      GONGZHI_MODE: 'distributed',
      GONGZHI_PG_URL: postgres.url(),
      GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_LOG_LEVEL: 'fatal',
      PORT: String(await freePort()),
      GONGZHI_BALLOT_SECRET: process.env['GONGZHI_BALLOT_SECRET'],
    };
    app = await startStandaloneService(deliberationService, loadConfig(platformConfigSchema, env), { ...env, GONGZHI_AUTH_SECRET: secret });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (configuredBallotSecret === undefined) delete process.env['GONGZHI_BALLOT_SECRET'];
    else process.env['GONGZHI_BALLOT_SECRET'] = configuredBallotSecret;
  });

  const resident = () => {
    const now = Math.floor(new Date('2026-03-01T08:00:00Z').getTime() / 1000);
    const { issuer, audience } = DEFAULT_ISSUER_SETTINGS;
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const principal = {
      subject: `resident-${randomUUID()}`,
      roles: ['resident' as const],
      scope: DEMO_ACCOUNTS[0].scope,
      verification: 'verified' as const,
    };
    // Far from expiry whatever the day the test runs: signed "now" is a fixed instant, valid for ten years.
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claimsFromPrincipal(principal), iss: issuer, aud: audience, iat: now, exp: now + 10 * 365 * 86_400 })}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };
  const propose = () =>
    fetch(`${base}/api/deliberation/topics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${resident()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '楼道加装扶手', description: '老人上下楼不方便' }),
    });

  it('is answered 503 with Retry-After while PostgreSQL restarts, and taken again once it is back', async () => {
    expect((await propose()).status).toBe(201);

    await postgres.restart(async () => {
      const response = await propose();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as { code: string }).code).toMatch(/UNAVAILABLE$/);
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    });

    expect((await propose()).status).toBe(201);
  });
});
