import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DEMO_CLIENTS } from '@gongzhi/identity';
import { startIdentityService } from '@gongzhi/runtime';
import { freePort, freshTestDatabase, registerResident } from '@gongzhi/testing';

// Issue #19, item 1, distributed: the set's own issuer grants machines their tokens from PostgreSQL, creates the
// demo clients when asked, and refuses a rotated secret's tokens at once. It registers residents against the city's
// organisation tree, as the all-in-one host does.

describe('the identity service of the distributed set: machine clients and residents in PostgreSQL', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const pgUrl = await freshTestDatabase('identity');
    const port = await freePort();
    app = await startIdentityService({
      PORT: String(port),
      GONGZHI_PG_URL: pgUrl,
      GONGZHI_AUTH_SECRET: randomBytes(48).toString('base64url'),
      GONGZHI_DEMO_DATA: 'true',
      GONGZHI_LOG_LEVEL: 'error',
    });
    base = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(() => app?.close());

  const token = async (clientId: string, secret: string) => {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    const authorization = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
    const answer = await fetch(`${base}/api/auth/token`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return { status: answer.status, body: (await answer.json()) as Record<string, string> };
  };
  const me = async (accessToken: string) => fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });

  it('grants each demo client its token, and refuses a rotated secret and the tokens it got', async () => {
    for (const client of DEMO_CLIENTS)
      expect(await token(client.clientId, client.secret)).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });

    const hotline = DEMO_CLIENTS.find((c) => c.clientId === 'demo-hotline-12345')!;
    const before = (await token(hotline.clientId, hotline.secret)).body.access_token;
    expect(await (await me(before)).json()).toMatchObject({ subject: 'demo-hotline-12345', kind: 'service', roles: ['resident'] });

    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-admin', password: 'demo-admin-2026' }),
    });
    const admin = ((await login.json()) as { accessToken: string }).accessToken;
    const rotated = await fetch(`${base}/api/auth/clients/demo-hotline-12345/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    const { clientSecret } = (await rotated.json()) as { clientSecret: string };

    expect((await me(before)).status).toBe(401);
    expect(await token(hotline.clientId, hotline.secret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await me((await token(hotline.clientId, clientSecret)).body.access_token)).status).toBe(200);
  });

  const register = (communityId: string, gridId: string) => registerResident(base, { communityId, gridId });

  it('registers residents against the city’s tree: the street above them in their scope, a made-up place refused', async () => {
    expect(await register('community-hexie', 'grid-hexie-02')).toMatchObject({
      status: 201,
      body: { scope: { streetId: 'street-nanjingdong', communityId: 'community-hexie', gridId: 'grid-hexie-02' } },
    });
    expect(await register('community-nowhere', 'grid-hexie-01')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'communityId' }] },
    });
    expect(await register('community-yanping', 'grid-hexie-01')).toMatchObject({ status: 400, body: { errors: [{ path: 'gridId' }] } });
  });
});
