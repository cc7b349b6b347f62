import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AccessTokenSigner, DEFAULT_ISSUER_SETTINGS, DEMO_ACCOUNTS, systemClock, type Principal } from '@gongzhi/identity';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { startStandaloneService } from '@gongzhi/runtime';
import { freePort, freshTestDatabase, testKafkaBrokers } from '@gongzhi/testing';
import { gridEventsService } from '../index';

export interface DistributedGridEvents {
  /** A token for any principal, signed with the service's secret on the machine's clock (which the service checks expiry on). */
  tokenOf(principal: Principal): Promise<string>;
  /** A verified resident of the demo resident's scope, with an id of their own. */
  newResident(): Promise<string>;
  /** The grid worker `subject` of the demo grid worker's scope. */
  gridWorker(subject: string): Promise<string>;
  call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * grid-events as a standalone service in distributed mode on the test tier's PostgreSQL (a fresh database named after
 * `prefix`, its schema built by the migrations alone) and Kafka, with what a spec needs to call it.
 */
export async function startDistributedGridEvents(prefix: string): Promise<DistributedGridEvents> {
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), `gongzhi-${prefix}-`));
  const env = {
    GONGZHI_MODE: 'distributed',
    GONGZHI_EVENT_STORE: 'postgres',
    GONGZHI_PG_URL: await freshTestDatabase(prefix),
    GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
    GONGZHI_DATA_DIR: dataDir,
    GONGZHI_LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
  };
  let app: INestApplication | undefined;
  try {
    app = await startStandaloneService(gridEventsService, loadConfig(platformConfigSchema, env), { ...env, GONGZHI_AUTH_SECRET: secret });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const signer = new AccessTokenSigner(secret, DEFAULT_ISSUER_SETTINGS, systemClock);
  const tokenOf = async (principal: Principal) => (await signer.sign(principal)).accessToken;
  const scopeOf = (role: 'resident' | 'grid_worker') => DEMO_ACCOUNTS.find((a) => a.role === role)!.scope;
  return {
    tokenOf,
    newResident: () =>
      tokenOf({ subject: `resident-${randomUUID()}`, roles: ['resident'], scope: scopeOf('resident'), verification: 'verified' }),
    gridWorker: (subject) => tokenOf({ subject, roles: ['grid_worker'], scope: scopeOf('grid_worker'), verification: 'verified' }),
    async call(method, path, token, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    async close() {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
