import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { loadConfig, platformConfigSchema } from '@gongzhi/platform';
import { startStandaloneService } from '@gongzhi/runtime';
import { freePort, freshTestDatabase, testKafkaBrokers } from '@gongzhi/testing';
import { deliberationService } from '../index';
import { BALLOT_SECRET_FILE, BALLOT_SECRET_VARIABLE } from './ballot-secret';

/** The deliberation service started alone (distributed mode): the ballot secret comes from its environment only. */
describe('the ballot secret of a distributed deliberation service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-ballot-distributed-'));
  const configured = process.env[BALLOT_SECRET_VARIABLE];
  let app: INestApplication | undefined;
  let pgUrl: string;

  const environment = async () => ({
    GONGZHI_MODE: 'distributed',
    GONGZHI_EVENT_STORE: 'postgres',
    GONGZHI_PG_URL: pgUrl,
    GONGZHI_KAFKA_BROKERS: testKafkaBrokers().join(','),
    GONGZHI_DATA_DIR: dataDir,
    GONGZHI_LOG_LEVEL: 'warn',
    PORT: String(await freePort()),
    GONGZHI_AUTH_SECRET: randomBytes(32).toString('hex'),
  });

  beforeAll(async () => {
    pgUrl = await freshTestDatabase('ballot_secret');
  });
  afterAll(async () => {
    await app?.close();
    if (configured === undefined) delete process.env[BALLOT_SECRET_VARIABLE];
    else process.env[BALLOT_SECRET_VARIABLE] = configured;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start without GONGZHI_BALLOT_SECRET, naming the variable, before opening anything', async () => {
    delete process.env[BALLOT_SECRET_VARIABLE];
    const env = await environment();
    await expect(startStandaloneService(deliberationService, loadConfig(platformConfigSchema, env), env)).rejects.toThrow(
      /^Invalid configuration:\n {2}GONGZHI_BALLOT_SECRET: not set; required when GONGZHI_MODE=distributed: the ballot secret is kept outside the databases/,
    );
    const db = new Client({ connectionString: pgUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'deliberation'`);
      expect(rows).toEqual([]);
    } finally {
      await db.end();
    }
  });

  it('starts with it, and keeps the secret out of every table and out of the data folder', async () => {
    const secret = randomBytes(36).toString('base64url');
    process.env[BALLOT_SECRET_VARIABLE] = secret;
    const env = { ...(await environment()), [BALLOT_SECRET_VARIABLE]: secret };
    app = await startStandaloneService(deliberationService, loadConfig(platformConfigSchema, env), env);

    expect(existsSync(join(dataDir, BALLOT_SECRET_FILE))).toBe(false);
    const db = new Client({ connectionString: pgUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT name FROM deliberation.deliberation_secrets ORDER BY name`);
      expect(rows.map((row: { name: string }) => row.name)).not.toContain('ballot-key');
    } finally {
      await db.end();
    }
  });
});
