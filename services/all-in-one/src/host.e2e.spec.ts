import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { DEMO_ACCOUNTS, DEMO_CLIENTS } from '@gongzhi/identity';
import { freePort, startHostProcess, type HostProcess } from '@gongzhi/testing';

describe('the all-in-one host', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-host-'));
  let port: number;
  let host: HostProcess;
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const login = (username: string, password: string) =>
    fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  const clientToken = async (clientId: string, secret: string) => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    const answer = await fetch(url('/api/auth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return { status: answer.status, token: ((await answer.json()) as { access_token?: string }).access_token };
  };
  const signedInStatus = async (token: string | undefined) =>
    (await fetch(url('/api/auth/me'), { headers: { authorization: `Bearer ${token}` } })).status;

  beforeAll(async () => {
    port = await freePort();
    host = await startHostProcess({ PORT: String(port), GONGZHI_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    if (host.process.exitCode === null) {
      host.process.kill('SIGTERM'); // passed on to the host by the runner; SIGKILL would orphan it
      await host.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints where the web app, the API docs and health are, and the demo accounts at first start', () => {
    const output = host.output();
    expect(output).toContain(`API docs:    http://localhost:${port}/docs`);
    expect(output).toContain(`health:      http://localhost:${port}/health`);
    for (const account of DEMO_ACCOUNTS) expect(output).toContain(account.username);
    for (const client of DEMO_CLIENTS) expect(output).toContain(`${client.clientId.padEnd(26)} ${client.secret}`);
  });

  it('lets every demo account log in', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const response = await login(account.username, account.password);
      expect(response.status).toBe(200);
      expect(((await response.json()) as any).principal.roles).toEqual([account.role]);
    }
  });

  it('answers health, readiness, metrics and the API docs', async () => {
    expect((await fetch(url('/health'))).status).toBe(200);
    const ready = await fetch(url('/health/ready'));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as any).status).toBe('ready');
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toContain('gongzhi_http_request_duration_seconds_bucket');
    expect(metrics).toContain('route="/api/auth/login"');
    expect((await fetch(url('/docs'))).status).toBe(200);
    const docs = (await (await fetch(url('/docs-json'))).json()) as any;
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/health/ready']));
  });

  it('refuses a missing or forged token with 401 in the uniform error body', async () => {
    const missing = await fetch(url('/api/auth/me'));
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ statusCode: 401, code: 'AUTH.MISSING_TOKEN' });
    const forged = await fetch(url('/api/auth/me'), {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as any).code).toBe('AUTH.INVALID_TOKEN');
  });

  it('stops cleanly on SIGTERM and, started again on the same data folder, keeps what was stored', async () => {
    const registered = await fetch(url('/api/auth/register'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'zhang-ayi',
        password: 'a-long-password',
        displayName: '张阿姨',
        communityId: 'community-hexie',
        gridId: 'grid-hexie-01',
      }),
    });
    expect(registered.status).toBe(201);
    const token = ((await (await login('demo-resident', 'demo-resident-2026')).json()) as any).accessToken as string;
    const reported = await fetch(url('/api/cases'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-correlation-id': 'corr-host-e2e-1' },
      body: JSON.stringify({
        categoryCode: 'city.road.pothole',
        description: '人行道砖块松动',
        location: { lat: 31.2385, long: 121.4778 },
      }),
    });
    expect(reported.status).toBe(201);
    expect(reported.headers.get('x-correlation-id')).toBe('corr-host-e2e-1');
    const unknownCategory = await fetch(url('/api/cases'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ categoryCode: 'city.ufo.landing', description: '不明飞行物', location: { lat: 31.2385, long: 121.4778 } }),
    });
    expect(unknownCategory.status).toBe(400);
    // Every command through the CommandBus is counted by outcome: the report, and the one a rule refused.
    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/^gongzhi_commands_total\{command="ReportCase",outcome="ok"\} 1$/m);
    expect(metrics).toMatch(/^gongzhi_commands_total\{command="ReportCase",outcome="rejected"\} 1$/m);
    // A client token of a secret the admin then rotates stays refused after the restart; the new secret works.
    const analytics = DEMO_CLIENTS.find((c) => c.clientId === 'demo-analytics')!;
    const beforeRotation = await clientToken(analytics.clientId, analytics.secret);
    const admin = ((await (await login('demo-admin', 'demo-admin-2026')).json()) as any).accessToken as string;
    const rotated = await fetch(url('/api/auth/clients/demo-analytics/rotate'), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    const newSecret = ((await rotated.json()) as { clientSecret: string }).clientSecret;
    expect(await signedInStatus(beforeRotation.token)).toBe(401);

    host.process.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    // The report was stored before the host stopped, carrying the request's correlation id.
    const store = SqliteEventStore.open(join(dataDir, 'grid-events', 'events.sqlite'));
    const events = await store.readAll();
    await store.close();
    expect(events.find((e) => e.type === 'CaseReported')).toMatchObject({ correlationId: 'corr-host-e2e-1' });

    host = await startHostProcess({ PORT: String(port), GONGZHI_DATA_DIR: dataDir });
    expect(host.output()).toContain('Gongzhi 共治 is running');
    expect(host.output()).not.toContain('Demo accounts'); // already there: not created, not printed again
    expect((await login('zhang-ayi', 'a-long-password')).status).toBe(200);
    expect(host.output()).not.toContain('Demo clients');
    expect(await signedInStatus(beforeRotation.token)).toBe(401);
    expect((await clientToken(analytics.clientId, analytics.secret)).status).toBe(401);
    expect(await signedInStatus((await clientToken(analytics.clientId, newSecret)).token)).toBe(200);
  });

  it('keeps its secrets and every database file (password hashes, ballots, events) readable by its own user alone', () => {
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /(-secret|\.sqlite(-wal|-shm)?)$/.test(entry.name))
      .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)));
    expect(files).toEqual(
      expect.arrayContaining([
        'auth-secret',
        'ballot-secret',
        'identity.sqlite',
        join('deliberation', 'events.sqlite'),
        join('deliberation', 'read.sqlite'),
      ]),
    );
    expect(files.map((file) => [file, (statSync(join(dataDir, file)).mode & 0o777).toString(8)])).toEqual(
      files.map((file) => [file, '600']),
    );
  });

  it('refuses to start on a bad setting, naming the variable and what it expects', async () => {
    const bad = await startHostProcess({ PORT: 'abc', GONGZHI_DATA_DIR: dataDir });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT: expected an integer between 1 and 65535, got "abc"/);
  });
});
