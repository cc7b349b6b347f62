import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';

import { Account, DEMO_ACCOUNTS, IDENTITY_ENTITIES, seedDemoAccounts } from '@gongzhi/identity';
import { eventuallyPasses, startKafka, testPostgresUrl, type RunningKafka } from '@gongzhi/testing';
import { composeSet, kubernetesSet, ROOT, type DeployedSet } from './deployment-files';
import { startSet, type RunningSet } from './service-set';
import { platformDataSource } from '@gongzhi/persistence';

/**
 * The deployment files as written start a working set: every process is `node dist/services/<name>/src/main.js`
 * with the environment docker-compose.yml or deploy/k8s gives its container (only host names, ports and the
 * database moved to this machine), on a real PostgreSQL and a broker of its own (the set's consumer groups and
 * topics have their production names, which no other test may share).
 */
const K8S_SECRETS = {
  'gongzhi-identity/secret': randomBytes(48).toString('base64url'),
  'gongzhi-points/voucherSecret': randomBytes(24).toString('base64url'),
  'gongzhi-deliberation/ballotSecret': randomBytes(48).toString('base64url'),
};
const SIGNED_AT = new Date('2026-03-01T08:00:00Z');

/** One authenticated read per service that no anonymous caller may make. */
const GUARDED_READS: Record<string, string> = {
  'grid-events': '/api/notifications',
  'department-dispatch': '/api/department-dispatch/departments',
  deliberation: '/api/deliberation/me/profile',
  points: '/api/points/me',
  'co-building': '/api/co-building/bookings/mine',
  dashboards: '/api/dashboards/projectors',
  webhooks: '/api/webhooks/subscriptions',
};
/** Where a resident is known but not allowed: the token was accepted, the role refused. */
const REFUSED_TO_RESIDENTS = new Set(['dashboards', 'webhooks']);

describe.each<[string, () => DeployedSet, boolean]>([
  ['docker-compose.yml', () => composeSet({}), false],
  [
    'deploy/k8s',
    () => kubernetesSet({ ...K8S_SECRETS, 'gongzhi-postgres/url': 'postgres://gongzhi:gongzhi@postgres.example:5432/gongzhi' }),
    true,
  ],
])('the distributed set of %s, started as written', (source, read, replicated) => {
  let kafka: RunningKafka;
  let set: RunningSet;
  let deployed: DeployedSet;
  let database: string;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    deployed = read();
    kafka = await startKafka();
    database = await freshDatabaseOwnedByGongzhi();
    const postgres = new URL(testPostgresUrl()).host;
    set = await startSet({
      set: deployed,
      places: { kafka: kafka.brokers[0], postgres, database },
      // The k8s files run two grid-events replicas: photos uploaded to one must be served by the other.
      replicas: replicated ? new Map([['grid-events', deployed.replicas.get('grid-events')!]]) : undefined,
      logLevel: 'warn',
    });
    if (replicated) await createAccountsAsTheOperator(set, database);
  }, 400_000);
  afterAll(async () => {
    await set?.stop();
    await kafka?.stop();
    await receiver?.close();
  });

  it('names every service and the issuer, in distributed mode on PostgreSQL, with one auth secret', () => {
    expect([...deployed.environments.keys()].sort()).toEqual([
      'co-building',
      'dashboards',
      'deliberation',
      'department-dispatch',
      'grid-events',
      'identity',
      'points',
      'webhooks',
    ]);
    const secrets = new Set([...deployed.environments.values()].map((env) => env['GONGZHI_AUTH_SECRET']));
    expect(secrets.size).toBe(1);
    for (const [name, env] of deployed.environments) {
      if (name === 'identity') continue;
      expect({ name, mode: env['GONGZHI_MODE'], store: env['GONGZHI_EVENT_STORE'] }).toEqual({
        name,
        mode: 'distributed',
        store: 'postgres',
      });
      expect(env).not.toHaveProperty('GONGZHI_TOPIC');
    }
    expect(deployed.environments.get('points')).toHaveProperty('GONGZHI_POINTS_VOUCHER_SECRET');
    // Deliberation draws every roll from the issuer's accounts: the same database, and no external provider.
    const [deliberation, identity] = [deployed.environments.get('deliberation')!, deployed.environments.get('identity')!];
    expect(deliberation['GONGZHI_IDENTITY_PG_URL'] ?? deliberation['GONGZHI_PG_URL']).toBe(identity['GONGZHI_PG_URL']);
    expect(deliberation).not.toHaveProperty('GONGZHI_AUTH_JWKS_URL');
  });

  it('accepts a token from the issuer at every service, and refuses a forged one and none', async () => {
    const resident = await login(set, 'demo-resident');

    for (const [service, path] of Object.entries(GUARDED_READS)) {
      const url = `${set.url(service)}${path}`;
      const accepted = REFUSED_TO_RESIDENTS.has(service) ? 403 : 200;
      expect({ service, status: (await fetch(url, { headers: { authorization: `Bearer ${resident.token}` } })).status }).toEqual({
        service,
        status: accepted,
      });
      expect({ service, status: (await fetch(url)).status }).toEqual({ service, status: 401 });
      const forged = forgeToken(resident.token);
      expect({ service, status: (await fetch(url, { headers: { authorization: `Bearer ${forged}` } })).status }).toEqual({
        service,
        status: 401,
      });
    }
  });

  it('carries an accepted report to the reporter’s points, to the city dashboard and to a subscribed receiver', async () => {
    const resident = await login(set, 'demo-resident');
    const gridWorker = await login(set, 'demo-grid-worker');
    const admin = await login(set, 'demo-admin');
    const subscribed = await call(set.url('webhooks'), 'POST', '/api/webhooks/subscriptions', admin.token, {
      url: receiver.url,
      eventTypes: ['CaseAccepted'],
    });
    expect(subscribed.status).toBe(201);
    const gridEvents = set.processes.filter((p) => p.service === 'grid-events');
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c0392b' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'pothole.png');
    const uploaded = await call(gridEvents[0].url, 'POST', '/api/photos', resident.token, form);
    expect(uploaded.status).toBe(201);
    // Every replica serves it to its uploader: photos live in PostgreSQL, not in one container's folder. A stranger
    // sees none of it while no public case shows it.
    const photoAt = (replica: { url: string }, token?: string) =>
      fetch(`${replica.url}/api/photos/${uploaded.body.photoId}`, token ? { headers: { authorization: `Bearer ${token}` } } : {}).then(
        (r) => r.status,
      );
    for (const replica of gridEvents)
      expect({ uploader: await photoAt(replica, resident.token), stranger: await photoAt(replica) }).toEqual({
        uploader: 200,
        stranger: 404,
      });

    const reported = await call(set.url('grid-events'), 'POST', '/api/cases', resident.token, {
      categoryCode: 'city.road.pothole',
      description: `人行道上有个大坑（${source}）`,
      location: { lat: 31.2385, long: 121.4778 },
      photoIds: [uploaded.body.photoId],
    });
    expect(reported.status).toBe(201);
    expect(
      (await call(gridEvents[gridEvents.length - 1].url, 'POST', `/api/cases/${reported.body.caseId}/accept`, gridWorker.token, {})).status,
    ).toBe(200);

    await eventuallyPasses(
      async () => expect((await call(set.url('points'), 'GET', '/api/points/me', resident.token)).body.balance).toBe(5),
      60_000,
    );
    await eventuallyPasses(async () => {
      const overview = (await call(set.url('dashboards'), 'GET', '/api/dashboards/overview', resident.token)).body;
      expect({ open: overview.openCasesNow, issued: overview.points.issued }).toEqual({ open: 1, issued: 5 });
    }, 60_000);
    // The webhooks process read the acceptance from Kafka and posted it, signed with the subscription's secret.
    await eventuallyPasses(async () => expect(receiver.received.map((r) => r.event.data?.caseId)).toContain(reported.body.caseId), 60_000);
    const delivery = receiver.received.find((r) => r.event.data?.caseId === reported.body.caseId)!;
    expect({ type: delivery.event.type, signedBySubscription: signatureHolds(subscribed.body.secret, delivery) }).toEqual({
      type: 'CaseAccepted',
      signedBySubscription: true,
    });
    expect(signatureHolds(`whsec_${randomBytes(24).toString('base64')}`, delivery)).toBe(false);
  });
});

async function freshDatabaseOwnedByGongzhi(): Promise<string> {
  const name = `deployset_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    // The files' credentials (gongzhi/gongzhi) are kept as written; the role is made on this server for them.
    await admin.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gongzhi') THEN CREATE ROLE gongzhi LOGIN PASSWORD 'gongzhi'; END IF; END $$`,
    );
    await admin.query(`CREATE DATABASE ${name} OWNER gongzhi`);
  } finally {
    await admin.end();
  }
  return name;
}

/** The k8s issuer creates no demo accounts: the operator puts the staff's accounts into its table. */
async function createAccountsAsTheOperator(set: RunningSet, database: string): Promise<void> {
  const url = new URL(set.processes.find((p) => p.service === 'identity')!.env['GONGZHI_PG_URL']);
  url.pathname = `/${database}`;
  const dataSource = await platformDataSource({
    type: 'postgres',
    url: url.toString(),
    schema: 'identity',
    entities: IDENTITY_ENTITIES,
  }).initialize();
  try {
    await seedDemoAccounts(dataSource.getRepository(Account), DEMO_ACCOUNTS, { now: SIGNED_AT });
  } finally {
    await dataSource.destroy();
  }
}

async function login(set: RunningSet, username: string): Promise<{ token: string }> {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username)!;
  const response = await call(set.url('identity'), 'POST', '/api/auth/login', undefined, { username, password: account.password });
  expect(response.status).toBe(200);
  return { token: response.body.accessToken };
}

interface Delivery {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly event: { type: string; data?: { caseId?: string } };
}
interface Receiver {
  readonly url: string;
  readonly received: Delivery[];
  close(): Promise<void>;
}

/** A subscribed system's endpoint on loopback: answers 204 and keeps what it was sent. */
async function startReceiver(): Promise<Receiver> {
  const received: Delivery[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers as Record<string, string>, body, event: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/gongzhi`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The check docs/webhooks.md gives a receiver: HMAC-SHA256 of "<id>.<timestamp>.<body>" with the secret's key. */
function signatureHolds(secret: string, { headers, body }: Delivery): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest('base64');
  return headers['webhook-signature'].split(' ').includes(`v1,${expected}`);
}

/** The same claims, signed with a secret the set does not know. */
function forgeToken(token: string): string {
  const [header, payload] = token.split('.');
  return `${header}.${payload}.${createHmac('sha256', randomBytes(48)).update(`${header}.${payload}`).digest('base64url')}`;
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const isForm = body instanceof FormData;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
