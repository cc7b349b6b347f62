import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { requestFrom } from './from-address';

describe('password change and disabled accounts', () => {
  let app: TestApp;
  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    requestFrom(app.url, '127.0.0.1', method, path, options);
  const login = (username: string, password: string) => call('POST', '/api/auth/login', { body: { username, password } });

  beforeAll(async () => {
    app = await startTestApp([]);
  });

  afterAll(() => app?.close());

  /** A resident of their own, so changing a password leaves the demo accounts alone. */
  async function newResident() {
    const account = { username: `resident-${randomUUID().slice(0, 8)}`, password: 'first-password-2026' };
    const registered = await call('POST', '/api/auth/register', {
      body: { ...account, displayName: '王阿姨', communityId: 'community-hexie', gridId: 'grid-hexie-01' },
    });
    expect(registered.status).toBe(201);
    return { ...account, id: registered.body.id as string };
  }

  async function session(username: string, password: string) {
    const answer = await login(username, password);
    expect(answer.status).toBe(200);
    return answer.body as { accessToken: string; refreshToken: string };
  }

  it('changes the password with the current one, keeps this device signed in and signs every other device out', async () => {
    const resident = await newResident();
    const phone = await session(resident.username, resident.password);
    const stolenLaptop = await session(resident.username, resident.password);

    const changed = await call('POST', '/api/auth/password', {
      token: phone.accessToken,
      body: { currentPassword: resident.password, newPassword: 'second-password-2026' },
    });

    expect(changed.status).toBe(204);
    expect((await call('GET', '/api/auth/me', { token: phone.accessToken })).status).toBe(200);
    expect(await call('GET', '/api/auth/me', { token: stolenLaptop.accessToken })).toMatchObject({
      status: 401,
      body: { code: 'AUTH.INVALID_TOKEN' },
    });
    expect((await call('POST', '/api/auth/refresh', { body: { refreshToken: stolenLaptop.refreshToken } })).status).toBe(401);
    expect(await login(resident.username, resident.password)).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_CREDENTIALS' } });
    expect((await login(resident.username, 'second-password-2026')).status).toBe(200);
  });

  it('refuses a change without the right current password, or to a short one, naming the field and changing nothing', async () => {
    const resident = await newResident();
    const { accessToken } = await session(resident.username, resident.password);

    const wrongCurrent = await call('POST', '/api/auth/password', {
      token: accessToken,
      body: { currentPassword: 'a-guess-2026', newPassword: 'thief-password-2026' },
    });
    const tooShort = await call('POST', '/api/auth/password', {
      token: accessToken,
      body: { currentPassword: resident.password, newPassword: 'short' },
    });
    const unchanged = await call('POST', '/api/auth/password', {
      token: accessToken,
      body: { currentPassword: resident.password, newPassword: resident.password },
    });

    expect(wrongCurrent).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED', errors: [{ path: 'currentPassword', message: 'does not match the current password' }] },
    });
    expect(tooShort).toMatchObject({ status: 400, body: { errors: [{ path: 'newPassword', message: 'at least 8 characters' }] } });
    expect(unchanged).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'newPassword', message: 'must differ from the current password' }] },
    });
    expect((await login(resident.username, resident.password)).status).toBe(200);
    expect((await login(resident.username, 'thief-password-2026')).status).toBe(401);
  });

  it('lets an admin disable an account: its access tokens and refresh stop at once, and it cannot log in until enabled again', async () => {
    const resident = await newResident();
    const { accessToken, refreshToken } = await session(resident.username, resident.password);
    const admin = await app.tokenFor('admin');

    const disabled = await call('POST', `/api/auth/accounts/${resident.id}/disable`, { token: admin });

    expect(disabled).toMatchObject({ status: 200, body: { id: resident.id, disabledAt: expect.any(String) } });
    expect(await call('GET', '/api/auth/me', { token: accessToken })).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_TOKEN' } });
    expect((await call('POST', '/api/auth/refresh', { body: { refreshToken } })).status).toBe(401);
    expect(await login(resident.username, resident.password)).toMatchObject({ status: 403, body: { code: 'AUTH.ACCOUNT_DISABLED' } });
    expect(await login(resident.username, 'not-the-password')).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_CREDENTIALS' } });

    expect((await call('POST', `/api/auth/accounts/${resident.id}/enable`, { token: admin })).status).toBe(200);
    expect((await login(resident.username, resident.password)).status).toBe(200);
  });

  it('lets no one but an admin disable an account, and no admin disable themselves', async () => {
    const resident = await newResident();
    const officer = await app.tokenFor('street_officer');
    const admin = await app.tokenFor('admin');
    const adminId = (await call('GET', '/api/auth/me', { token: admin })).body.subject as string;

    expect(await call('POST', `/api/auth/accounts/${resident.id}/disable`, { token: officer })).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN' },
    });
    expect(await call('POST', `/api/auth/accounts/${adminId}/disable`, { token: admin })).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN' },
    });
    expect(await call('POST', `/api/auth/accounts/${randomUUID()}/disable`, { token: admin })).toMatchObject({
      status: 404,
      body: { code: 'AUTH.ACCOUNT_NOT_FOUND' },
    });
    expect((await login(resident.username, resident.password)).status).toBe(200);
  });
});
