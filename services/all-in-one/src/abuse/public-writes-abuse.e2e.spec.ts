import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { SERVICES } from '../services';
import { requestFrom } from './from-address';

const inHexie01 = { lat: 31.2385, long: 121.4778 };
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('public writes and streams under a flood', () => {
  let app: TestApp;
  let resident: string;

  beforeAll(async () => {
    app = await startTestApp(SERVICES, {
      edge: { rateLimits: { caseReports: 3, open311Posts: 2, registrations: 2, photoUploads: 2, liveStreams: 2 } },
    });
    resident = await app.tokenFor('resident');
  });

  afterAll(() => app?.close());

  const report = (address: string, token: string) =>
    requestFrom(app.url, address, 'POST', '/api/cases', {
      token,
      body: { categoryCode: 'city.road.pothole', description: `人行道上有个大坑 ${randomUUID()}`, location: inHexie01 },
    });

  it('answers report spam 429 with Retry-After, per resident whatever their address, and leaves other residents alone', async () => {
    const statuses: number[] = [];
    for (let spam = 0; spam < 3; spam++) statuses.push((await report('127.0.0.1', resident)).status);

    const fourth = await report('127.0.0.1', resident);
    const fromAnotherAddress = await report('127.0.0.2', resident);

    expect(statuses).toEqual([201, 201, 201]);
    expect(fourth.status).toBe(429);
    expect(fourth.body).toEqual({
      statusCode: 429,
      code: 'HTTP.TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^too many case reports; try again in \d+ s$/),
    });
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect(fromAnotherAddress.status).toBe(429);

    const neighbour = { username: `neighbour-${randomUUID().slice(0, 8)}`, password: 'a-long-password-2026' };
    const registered = await requestFrom(app.url, '127.0.0.3', 'POST', '/api/auth/register', {
      body: { ...neighbour, displayName: '邻居', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    expect(registered.status).toBe(201);
    const neighbourToken = (await requestFrom(app.url, '127.0.0.3', 'POST', '/api/auth/login', { body: neighbour })).body.accessToken;
    expect((await report('127.0.0.3', neighbourToken)).status).toBe(201);
  });

  it("answers Open311 spam from one address 429 with Retry-After, in Open311's own error format", async () => {
    const form = {
      api_key: 'demo-open311-key',
      service_code: 'environment.garbage.overflow',
      lat: '31.2385',
      long: '121.4778',
      description: '垃圾桶满溢',
    };
    const accepted = [
      await requestFrom(app.url, '127.0.0.4', 'POST', '/open311/v2/requests.json', { form }),
      await requestFrom(app.url, '127.0.0.4', 'POST', '/open311/v2/requests.json', { form }),
    ];

    const third = await requestFrom(app.url, '127.0.0.4', 'POST', '/open311/v2/requests.json', { form });

    expect(accepted.map((answer) => answer.status)).toEqual([201, 201]);
    expect(third.status).toBe(429);
    expect(third.body).toEqual([{ code: 429, description: expect.stringMatching(/^too many Open311 requests; try again in \d+ s$/) }]);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers a registration flood from one address 429, and makes no account for the refused one', async () => {
    const register = (address: string, username = `flood-${randomUUID().slice(0, 8)}`) =>
      requestFrom(app.url, address, 'POST', '/api/auth/register', {
        body: { username, password: 'a-long-password-2026', displayName: '刷号', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
      });
    const statuses = [(await register('127.0.0.5')).status, (await register('127.0.0.5')).status];

    const third = await register('127.0.0.5', 'flood-refused');

    expect(statuses).toEqual([201, 201]);
    expect(third).toMatchObject({
      status: 429,
      body: { code: 'HTTP.TOO_MANY_REQUESTS', message: expect.stringContaining('registrations') },
    });
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect((await register('127.0.0.6', 'flood-refused')).status).toBe(201);
  });

  it('answers a photo-upload flood 429 with Retry-After', async () => {
    const token = await app.tokenFor('grid_worker');
    const upload = async () => {
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(ONE_PIXEL_PNG)]), 'photo.png');
      const response = await fetch(`${app.url}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as { code?: string },
      };
    };
    const statuses = [(await upload()).status, (await upload()).status];

    const third = await upload();

    expect(statuses).toEqual([201, 201]);
    expect(third).toMatchObject({ status: 429, body: { code: 'HTTP.TOO_MANY_REQUESTS' } });
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
  });

  it('limits how often one address opens the live-update stream', async () => {
    const open = async () => {
      const abort = new AbortController();
      const response = await fetch(`${app.url}/api/dashboards/stream`, { signal: abort.signal });
      const answer = {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        type: response.headers.get('content-type'),
      };
      abort.abort();
      return answer;
    };
    const opened = [await open(), await open()];

    const third = await open();

    expect(opened.map((answer) => answer.status)).toEqual([200, 200]);
    expect(opened[0].type).toContain('text/event-stream');
    expect(third.status).toBe(429);
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
  });
});

describe('security headers', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([]);
  });

  afterAll(() => app?.close());

  it.each([
    ['a health check', 'GET', '/health'],
    ['an unknown route', 'GET', `/api/${randomUUID()}`],
    ['a refused login', 'POST', '/api/auth/login'],
    ['a page path of the web app', 'GET', '/dashboard'],
  ])('puts them on %s, and says nothing of the framework', async (_, method, path) => {
    const answer = await requestFrom(
      app.url,
      '127.0.0.1',
      method,
      path,
      method === 'POST' ? { body: { username: 'x', password: 'y' } } : {},
    );
    const csp = String(answer.headers['content-security-policy']);

    expect(csp.split(';')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "connect-src 'self'",
      ]),
    );
    expect(answer.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(answer.headers['x-powered-by']).toBeUndefined();
  });
});
