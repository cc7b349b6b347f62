import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '@gongzhi/testing';
import { signInConfigSchema } from '../../browser-sign-in/sign-in-config';
import { pendingResidentsAnswer } from '../account-view';

/** What the web app sends with every session request. */
const APP_HEADERS = { 'x-gongzhi-session': 'browser', 'content-type': 'application/json' };

interface Answer {
  readonly status: number;
  readonly body: any;
  /** The session cookie as the answer set it (`''` when cleared), undefined when untouched. */
  readonly cookie?: string;
  readonly setCookie: string | null;
}

describe('the web app session: refresh token in an httpOnly cookie, access token in memory', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp([]);
  });
  afterAll(() => app?.close());

  async function call(path: string, options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { ...APP_HEADERS, ...(options.cookie ? { cookie: `gongzhi_refresh=${options.cookie}` } : {}), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const setCookie = response.headers.get('set-cookie');
    const cookie = setCookie === null ? undefined : decodeURIComponent(/^gongzhi_refresh=([^;]*)/.exec(setCookie)?.[1] ?? '');
    return { status: response.status, body: text ? JSON.parse(text) : null, cookie, setCookie };
  }

  const signIn = (username: string, password: string) => call('/api/auth/session', { body: { username, password } });
  const me = (token: string) => app.request('GET', '/api/auth/me', { token });

  async function registered(communityId = 'community-hexie', gridId = 'grid-hexie-01') {
    const username = `r-${randomUUID().slice(0, 8)}`;
    const password = 'garden-gate-42';
    const { status, body } = await app.request('POST', '/api/auth/register', {
      body: { username, password, displayName: '刘阿姨', communityId, gridId },
    });
    expect(status).toBe(201);
    return { username, password, id: body.id as string };
  }

  it('tells the app how to sign in: the built-in accounts, with the demo accounts offered in demo mode', async () => {
    const { status, body } = await app.request('GET', '/api/auth/config');
    expect({ status, body }).toEqual({ status: 200, body: { provider: 'built-in', demo: true } });
    signInConfigSchema.parse(body);
  });

  it('signs in with the refresh token only in an httpOnly, SameSite=Strict cookie scoped to the session routes', async () => {
    const answer = await signIn('demo-resident', 'demo-resident-2026');
    expect(answer.status).toBe(200);
    expect(answer.body.refreshToken).toBeUndefined();
    expect(answer.body.principal.displayName).toBe('王秀英');
    expect(answer.setCookie).toMatch(/; Path=\/api\/auth\/session; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect((await me(answer.body.accessToken)).status).toBe(200);

    // A reload or a new tab: the cookie alone restores the session, and rotates.
    const restored = await call('/api/auth/session/refresh', { cookie: answer.cookie });
    expect(restored.status).toBe(200);
    expect(restored.body.principal.subject).toBe(answer.body.principal.subject);
    expect(restored.cookie).toBeTruthy();
    expect(restored.cookie).not.toBe(answer.cookie);
  });

  it('refuses a refresh without the cookie, without the app header, from another site or another origin', async () => {
    const { cookie } = await signIn('demo-resident', 'demo-resident-2026');
    const noCookie = await call('/api/auth/session/refresh');
    expect({ status: noCookie.status, code: noCookie.body.code }).toEqual({ status: 401, code: 'AUTH.INVALID_REFRESH_TOKEN' });

    const forged: Record<string, string>[] = [
      { 'x-gongzhi-session': '' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
    ];
    for (const headers of forged) {
      const answer = await call('/api/auth/session/refresh', { cookie, headers });
      expect({ headers, status: answer.status, code: answer.body.code }).toEqual({ headers, status: 403, code: 'AUTH.FORBIDDEN' });
    }
    // None of them spent the token: the real app still refreshes with it.
    expect((await call('/api/auth/session/refresh', { cookie })).status).toBe(200);
    // Nor may another site sign someone in (login CSRF).
    const crossSiteLogin = await call('/api/auth/session', {
      body: { username: 'demo-resident', password: 'demo-resident-2026' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSiteLogin.status).toBe(403);
    expect(crossSiteLogin.setCookie).toBeNull();
  });

  it('answers two tabs refreshing with the same cookie at once, and revokes the family when the rotated token comes back after the grace', async () => {
    const { cookie, body: signedIn } = await signIn('demo-resident', 'demo-resident-2026');
    const [first, second] = await Promise.all([
      call('/api/auth/session/refresh', { cookie }),
      call('/api/auth/session/refresh', { cookie }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Exactly one of them rotated; the other leaves the cookie (now holding the successor) alone.
    const rotated = [first, second].filter((answer) => answer.cookie);
    expect(rotated).toHaveLength(1);
    const successor = rotated[0].cookie as string;
    expect((await me(second.body.accessToken)).status).toBe(200);

    // Within the grace a third tab is still served …
    app.clock.advance({ seconds: 5 });
    expect((await call('/api/auth/session/refresh', { cookie })).status).toBe(200);

    // … after it, the old token is a replay: the whole session ends, the successor and the access tokens with it.
    app.clock.advance({ seconds: 30 });
    const replay = await call('/api/auth/session/refresh', { cookie });
    expect({ status: replay.status, code: replay.body.code, cleared: replay.cookie }).toEqual({
      status: 401,
      code: 'AUTH.REFRESH_TOKEN_REUSED',
      cleared: '',
    });
    expect((await call('/api/auth/session/refresh', { cookie: successor })).status).toBe(401);
    expect((await me(signedIn.accessToken)).status).toBe(401);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const { cookie, body } = await signIn('demo-grid-worker', 'demo-grid-worker-2026');
    const end = await call('/api/auth/session/end', { cookie });
    expect(end.status).toBe(204);
    expect(end.setCookie).toMatch(/^gongzhi_refresh=; Path=\/api\/auth\/session; Max-Age=0; HttpOnly; SameSite=Strict/);
    expect((await call('/api/auth/session/refresh', { cookie })).status).toBe(401);
    expect((await me(body.accessToken)).status).toBe(401);
    // A cross-site page cannot sign anyone out either.
    const { cookie: again } = await signIn('demo-grid-worker', 'demo-grid-worker-2026');
    expect((await call('/api/auth/session/end', { cookie: again, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await call('/api/auth/session/refresh', { cookie: again })).status).toBe(200);
  });

  it("lists a new resident to their community's officer, who verifies or refuses; nobody else may", async () => {
    const verified = await registered();
    const refused = await registered();
    const elsewhere = await registered('community-other', 'grid-other-01');
    const officer = await app.tokenFor('community_officer');
    const pending = await app.request('GET', '/api/auth/accounts/pending', { token: officer });
    expect(pending.status).toBe(200);
    // Parsed with the schema the OpenAPI document (and so the web app's types) declares.
    const listed = pendingResidentsAnswer.parse(pending.body).items.map((item) => item.username);
    expect(listed).toEqual(expect.arrayContaining([verified.username, refused.username]));
    expect(listed).not.toContain(elsewhere.username);

    // A resident (even a verified one) verifies nobody, and sees no list.
    const resident = await app.tokenFor('resident');
    const byResident = await app.request('POST', `/api/auth/accounts/${verified.id}/verify`, { token: resident });
    expect(byResident.status).toBe(403);
    expect((await app.request('GET', '/api/auth/accounts/pending', { token: resident })).status).toBe(403);
    // An officer of another community neither.
    const otherOfficer = await app.tokenAs({
      subject: randomUUID(),
      roles: ['community_officer'],
      scope: { communityId: 'community-other' },
      verification: 'verified',
    });
    expect((await app.request('POST', `/api/auth/accounts/${verified.id}/verify`, { token: otherOfficer })).status).toBe(403);
    expect(
      (await app.request('POST', `/api/auth/accounts/${refused.id}/refuse`, { token: otherOfficer, body: { reason: 'x' } })).status,
    ).toBe(403);

    const verify = await app.request('POST', `/api/auth/accounts/${verified.id}/verify`, { token: officer });
    expect({ status: verify.status, verification: verify.body.verification }).toEqual({ status: 200, verification: 'verified' });
    const noReason = await app.request('POST', `/api/auth/accounts/${refused.id}/refuse`, { token: officer, body: { reason: ' ' } });
    expect({ status: noReason.status, field: noReason.body.errors?.[0]?.path }).toEqual({ status: 400, field: 'reason' });
    const refuse = await app.request('POST', `/api/auth/accounts/${refused.id}/refuse`, {
      token: officer,
      body: { reason: '请带身份证到社区办公室' },
    });
    expect({ status: refuse.status, refusal: refuse.body.refusal?.reason }).toEqual({ status: 200, refusal: '请带身份证到社区办公室' });
    const verifiedRefusal = await app.request('POST', `/api/auth/accounts/${verified.id}/refuse`, {
      token: officer,
      body: { reason: 'x' },
    });
    expect(verifiedRefusal.status).toBe(409);

    const after = await app.request('GET', '/api/auth/accounts/pending', { token: officer });
    const still = (after.body.items as { username: string }[]).map((item) => item.username);
    expect(still).not.toContain(verified.username);
    expect(still).not.toContain(refused.username);
    // The verified resident's next session says so.
    const session = await signIn(verified.username, verified.password);
    expect(session.body.principal.verification).toBe('verified');
  });

  it('changes a password only with the right current one, and signs the other sessions out', async () => {
    const person = await registered();
    const here = await signIn(person.username, person.password);
    const there = await signIn(person.username, person.password);

    const wrong = await app.request('POST', '/api/auth/password', {
      token: here.body.accessToken,
      body: { currentPassword: 'not-my-password', newPassword: 'new-garden-gate-43' },
    });
    expect({ status: wrong.status, field: wrong.body.errors?.[0]?.path }).toEqual({ status: 400, field: 'currentPassword' });
    // Nothing was stored: the old password still works, the new one does not, and no session ended.
    expect((await signIn(person.username, 'new-garden-gate-43')).status).toBe(401);
    const thereStill = await call('/api/auth/session/refresh', { cookie: there.cookie });
    expect(thereStill.status).toBe(200);

    const tooShort = await app.request('POST', '/api/auth/password', {
      token: here.body.accessToken,
      body: { currentPassword: person.password, newPassword: 'short' },
    });
    expect({ status: tooShort.status, field: tooShort.body.errors?.[0]?.path }).toEqual({ status: 400, field: 'newPassword' });

    const changed = await app.request('POST', '/api/auth/password', {
      token: here.body.accessToken,
      body: { currentPassword: person.password, newPassword: 'new-garden-gate-43' },
    });
    expect(changed.status).toBe(204);
    expect((await call('/api/auth/session/refresh', { cookie: here.cookie })).status).toBe(200);
    const otherTab = await call('/api/auth/session/refresh', { cookie: thereStill.cookie });
    expect({ status: otherTab.status, code: otherTab.body.code }).toEqual({ status: 401, code: 'AUTH.REFRESH_TOKEN_REUSED' });
    expect((await signIn(person.username, person.password)).status).toBe(401);
    expect((await signIn(person.username, 'new-garden-gate-43')).status).toBe(200);
  });
});
