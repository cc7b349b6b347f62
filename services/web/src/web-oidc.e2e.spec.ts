import { createHash, randomBytes } from 'node:crypto';
import { startOidcTestProvider, type OidcTestProvider } from './testing/oidc-test-provider';
import { startWebHarness, type WebHarness } from './testing/web-harness';

const CLIENT_ID = 'gongzhi-web';

describe("signing in through the city's identity provider: OIDC authorization code with PKCE (S256), state and nonce checked", () => {
  let provider: OidcTestProvider;
  let web: WebHarness;

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      clientId: CLIENT_ID,
      audience: 'gongzhi',
      person: {
        sub: 'idp-resident-0001',
        name: '统一认证居民',
        roles: ['resident'],
        claims: { city: 'city-shanghai', street: 'street-nanjingdong', community: 'community-hexie', grid: 'grid-hexie-01' },
      },
    });
    web = await startWebHarness({
      name: 'web-oidc',
      env: {
        GONGZHI_AUTH_JWKS_URL: provider.jwksUrl,
        GONGZHI_AUTH_ISSUER: provider.issuer,
        GONGZHI_AUTH_AUDIENCE: 'gongzhi',
        GONGZHI_AUTH_OIDC_CLIENT_ID: CLIENT_ID,
      },
    });
    provider.allowRedirect(`${web.url}/sign-in/callback`);
    provider.allowRedirect(`${web.url}/`);
  }, 180_000);

  afterAll(async () => {
    await web?.close();
    await provider?.close();
  });

  const exchange = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${web.url}/api/auth/session/external`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gongzhi-session': 'browser', ...headers },
      body: JSON.stringify(body),
    });

  it('signs a resident in at the provider and back, and keeps them signed in across a reload and a new tab', async () => {
    const page = await web.context.newPage();
    await page.goto(`${web.url}/resident/report`);
    await page.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    // Once the app has read how this city signs in: no password form and no demo accounts, only its provider.
    await page.getByRole('button', { name: '用统一身份认证登录' }).waitFor();
    expect(await page.getByLabel('账号').count()).toBe(0);
    expect(await page.getByText('演示账号').count()).toBe(0);
    await web.expectAccessible(page, 'sign-in through the provider');
    await web.shot(page, 'sign-in');

    await page.getByRole('button', { name: '用统一身份认证登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    // Who is signed in (the phone header keeps the name for screen readers only).
    expect(await page.locator('.who-name').textContent()).toContain('统一认证居民');
    expect(new URL(page.url()).pathname).toBe('/resident/report');
    // The code left the address bar.
    expect(new URL(page.url()).search).toBe('');

    const [asked] = provider.authorizeRequests;
    expect(asked).toMatchObject({ clientId: CLIENT_ID, redirectUri: `${web.url}/sign-in/callback`, codeChallengeMethod: 'S256' });
    expect(asked.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.state.length).toBeGreaterThanOrEqual(43);
    expect(asked.nonce.length).toBeGreaterThanOrEqual(43);
    expect(asked.scope.split(' ')).toContain('openid');
    // The provider checked the verifier against the challenge before it answered.
    expect(provider.tokenRequests).toEqual([{ grant: 'authorization_code', status: 200 }]);

    await page.reload();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    const tab = await web.context.newPage();
    await tab.goto(`${web.url}/resident/points`);
    await tab.getByRole('button', { name: '退出登录' }).waitFor();
    await web.shot(tab, 'signed-in');

    expect(provider.signedIn).toBe(true);
    await tab.getByRole('button', { name: '退出登录' }).click();
    // Signing out here also ends the sign-in at the provider, which sends the browser back to the app's start.
    await tab.waitForURL(`${web.url}/resident/report`);
    await tab.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    expect(provider.logoutRequests).toEqual([{ clientId: CLIENT_ID, postLogoutRedirectUri: `${web.url}/` }]);
    expect(provider.signedIn).toBe(false);
    await web.expectAccessible(tab, 'signed out here and at the provider');
    await page.reload();
    await page.getByRole('heading', { name: '登录共治', level: 1 }).waitFor();
    await page.close();
    await tab.close();
  });

  it('refuses an answer whose state is not the one this tab sent, without redeeming its code', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const code = await provider.codeFor({
      redirectUri: `${web.url}/sign-in/callback`,
      nonce: 'someone-elses-nonce',
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
      codeChallengeMethod: 'S256',
    });
    const redeemed = provider.tokenRequests.length;
    const page = await web.context.newPage();
    await page.goto(`${web.url}/sign-in/callback?code=${code}&state=forged-state`);
    await page.getByText('没能完成登录，请再试一次。').waitFor();
    await web.expectAccessible(page, 'provider answer refused');
    expect(provider.tokenRequests.length).toBe(redeemed);
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(0);
    await page.close();
  });

  it('refuses a code with the wrong PKCE verifier, an ID token for another nonce, and a cross-site request', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const attempt = {
      redirectUri: `${web.url}/sign-in/callback`,
      nonce: randomBytes(16).toString('base64url'),
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
      codeChallengeMethod: 'S256',
    };
    const wrongVerifier = await exchange({
      code: await provider.codeFor(attempt),
      codeVerifier: randomBytes(32).toString('base64url'),
      redirectUri: attempt.redirectUri,
      nonce: attempt.nonce,
    });
    expect({ status: wrongVerifier.status, code: ((await wrongVerifier.json()) as { code: string }).code }).toEqual({
      status: 401,
      code: 'AUTH.EXTERNAL_SIGN_IN_FAILED',
    });

    const otherNonce = await exchange({
      code: await provider.codeFor(attempt),
      codeVerifier: verifier,
      redirectUri: attempt.redirectUri,
      nonce: 'the-nonce-of-another-attempt',
    });
    expect(otherNonce.status).toBe(401);
    expect(otherNonce.headers.get('set-cookie')).toBeNull();

    const crossSite = await exchange(
      { code: await provider.codeFor(attempt), codeVerifier: verifier, redirectUri: attempt.redirectUri, nonce: attempt.nonce },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);

    // The right verifier and nonce do sign in: the refusals above were about them.
    const right = await exchange({
      code: await provider.codeFor(attempt),
      codeVerifier: verifier,
      redirectUri: attempt.redirectUri,
      nonce: attempt.nonce,
    });
    expect(right.status).toBe(200);
    expect(((await right.json()) as { principal: { displayName: string } }).principal.displayName).toBe('统一认证居民');
    expect(right.headers.get('set-cookie')).toMatch(/^gongzhi_refresh=.+; Path=\/api\/auth\/session; .*HttpOnly; SameSite=Strict/);
    expect(web.policyViolations).toEqual([]);
  });
});
