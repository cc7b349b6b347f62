import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '@gongzhi/identity';
import { freePort, startHostProcess, type HostProcess } from '@gongzhi/testing';

async function stop(host: HostProcess | undefined): Promise<void> {
  if (host && host.process.exitCode === null) {
    host.process.kill('SIGTERM'); // passed on to the host by the runner; SIGKILL would orphan it
    await host.exited;
  }
}

describe('the host without demo data, with /metrics on an internal port and /docs off', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-host-edge-'));
  let port: number;
  let internalPort: number;
  let host: HostProcess;
  const publicUrl = (path: string) => `http://127.0.0.1:${port}${path}`;
  const internalUrl = (path: string) => `http://127.0.0.1:${internalPort}${path}`;

  beforeAll(async () => {
    [port, internalPort] = [await freePort(), await freePort()];
    host = await startHostProcess({
      PORT: String(port),
      GONGZHI_DATA_DIR: dataDir,
      GONGZHI_DEMO_DATA: 'false',
      GONGZHI_METRICS: 'internal',
      GONGZHI_INTERNAL_PORT: String(internalPort),
      GONGZHI_DOCS: 'off',
    });
    if (host.process.exitCode !== null) throw new Error(`the host stopped:\n${host.output()}`);
  }, 90_000);

  afterAll(async () => {
    await stop(host);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates no demo account: the published passwords open nothing', async () => {
    expect(host.output()).not.toContain('Demo accounts');
    for (const account of DEMO_ACCOUNTS) {
      const answer = await fetch(publicUrl('/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password }),
      });
      expect({ account: account.username, status: answer.status }).toEqual({ account: account.username, status: 401 });
    }
  });

  it('refuses the published demo Open311 key', async () => {
    const answer = await fetch(publicUrl('/open311/v2/requests.json'), {
      method: 'POST',
      body: new URLSearchParams({
        api_key: 'demo-open311-key',
        service_code: 'city.road.pothole',
        lat: '31.2385',
        long: '121.4778',
        description: '路面坑洼',
      }),
    });

    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual([{ code: 403, description: 'api_key is not valid' }]);
  });

  it('answers /metrics only on the internal port, which answers nothing of the API', async () => {
    const publicMetrics = await fetch(publicUrl('/metrics'));
    const internalMetrics = await fetch(internalUrl('/metrics'));

    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.json()).toMatchObject({ statusCode: 404, code: 'HTTP.NOT_FOUND' });
    // Express routes ignore case: the same endpoint in capitals is the same endpoint, and as closed.
    expect((await fetch(publicUrl('/METRICS'))).status).toBe(404);
    expect((await fetch(internalUrl('/Metrics'))).status).toBe(200);
    expect(internalMetrics.status).toBe(200);
    expect(await internalMetrics.text()).toContain('gongzhi_http_request_duration_seconds');
    expect((await fetch(internalUrl('/health'))).status).toBe(200);
    expect((await fetch(internalUrl('/api/auth/me'))).status).toBe(404);
    expect((await fetch(publicUrl('/health'))).status).toBe(200);
  });

  it('serves no API document anywhere', async () => {
    for (const url of [
      publicUrl('/docs'),
      publicUrl('/docs-json'),
      publicUrl('/DOCS-JSON'),
      publicUrl('/Docs/'),
      internalUrl('/docs'),
      internalUrl('/docs-json'),
      internalUrl('/DOCS-json'),
    ]) {
      expect({ url, status: (await fetch(url)).status }).toEqual({ url, status: 404 });
    }
    expect(host.output()).toContain('API docs:    off');
  });
});

describe('the host refusing an internal endpoint without an internal port', () => {
  it('stops at start and names the variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-host-edge-bad-'));
    const host = await startHostProcess({ PORT: String(await freePort()), GONGZHI_DATA_DIR: dataDir, GONGZHI_METRICS: 'internal' });
    try {
      expect(await host.exited).toBe(1);
      expect(host.output()).toContain('GONGZHI_INTERNAL_PORT: not set; required when GONGZHI_METRICS=internal');
    } finally {
      await stop(host);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
