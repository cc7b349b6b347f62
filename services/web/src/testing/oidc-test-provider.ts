import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** Who the provider signs in: the claims the platform reads (libs/identity token-claims.ts). */
export interface ProviderPerson {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly claims: Readonly<Record<string, string>>;
}

export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod: string;
  readonly scope: string;
}

export interface OidcTestProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Every authorization request the browser brought, as the provider read it. */
  readonly authorizeRequests: readonly AuthorizeRequest[];
  /** Every token request and how it was answered. */
  readonly tokenRequests: readonly { grant: string; status: number }[];
  /** Every RP-initiated logout the browser brought (client_id, post_logout_redirect_uri), as the provider read it. */
  readonly logoutRequests: readonly { clientId: string; postLogoutRedirectUri: string }[];
  /** Whether the provider would sign the person in again without asking: true after an authorize, false after a logout. */
  readonly signedIn: boolean;
  /** The provider only sends codes, and the browser back after a logout, to these addresses of the app. */
  allowRedirect(uri: string): void;
  /** A code for a sign-in this test starts itself (as the attacker holding a code of someone else's attempt). */
  codeFor(request: Omit<AuthorizeRequest, 'clientId' | 'scope' | 'state'>): Promise<string>;
  close(): Promise<void>;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * A tiny OpenID Connect provider for browser tests: discovery, an authorize endpoint that signs the one
 * person in at once and redirects with a code, a token endpoint that checks PKCE (S256) and redirect URI
 * and rotates refresh tokens, and a JWKS, signing with ES256 through jose.
 */
export async function startOidcTestProvider(options: {
  clientId: string;
  audience: string;
  person: ProviderPerson;
}): Promise<OidcTestProvider> {
  const { generateKeyPair, exportJWK, SignJWT } = await import('jose');
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const redirects = new Set<string>();
  const authorizeRequests: AuthorizeRequest[] = [];
  const tokenRequests: { grant: string; status: number }[] = [];
  const logoutRequests: { clientId: string; postLogoutRedirectUri: string }[] = [];
  let signedIn = false;
  let issuer = '';

  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(options.person.sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

  const tokensFor = async (nonce?: string) => {
    const refreshToken = base64url(randomBytes(32));
    refreshTokens.add(refreshToken);
    const { name, roles, claims } = options.person;
    return {
      access_token: await sign({ name, roles, vl: 'verified', ...claims }, options.audience),
      token_type: 'Bearer',
      expires_in: 600,
      refresh_token: refreshToken,
      ...(nonce === undefined ? {} : { id_token: await sign({ name, nonce }, options.clientId) }),
    };
  };

  const issueCode = (request: { codeChallenge: string; nonce: string; redirectUri: string }) => {
    const code = base64url(randomBytes(24));
    codes.set(code, { challenge: request.codeChallenge, nonce: request.nonce, redirectUri: request.redirectUri });
    return code;
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);
    const grant = form.get('grant_type') ?? '';
    const answer = (status: number, body: unknown) => {
      tokenRequests.push({ grant, status });
      json(res, status, body);
    };
    if (form.get('client_id') !== options.clientId) return answer(401, { error: 'invalid_client' });
    if (grant === 'authorization_code') {
      const issued = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = base64url(createHash('sha256').update(verifier).digest());
      if (!issued || issued.redirectUri !== form.get('redirect_uri') || issued.challenge !== challenge) {
        return answer(400, { error: 'invalid_grant' });
      }
      return answer(200, await tokensFor(issued.nonce));
    }
    if (grant === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      if (!refreshTokens.delete(presented)) return answer(400, { error: 'invalid_grant' });
      return answer(200, await tokensFor());
    }
    return answer(400, { error: 'unsupported_grant_type' });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/token' && req.method === 'POST') {
      void token(req, res).catch(() => json(res, 500, { error: 'server_error' }));
      return;
    }
    if (url.pathname === '/authorize') {
      const read = (name: string) => url.searchParams.get(name) ?? '';
      const request: AuthorizeRequest = {
        clientId: read('client_id'),
        redirectUri: read('redirect_uri'),
        state: read('state'),
        nonce: read('nonce'),
        codeChallenge: read('code_challenge'),
        codeChallengeMethod: read('code_challenge_method'),
        scope: read('scope'),
      };
      authorizeRequests.push(request);
      // Never redirect to an address nobody registered (the open-redirect rule of OAuth 2.0 §4.1.2.1).
      if (request.clientId !== options.clientId || !redirects.has(request.redirectUri)) return json(res, 400, { error: 'invalid_request' });
      const target = new URL(request.redirectUri);
      if (read('response_type') !== 'code' || request.codeChallengeMethod !== 'S256' || !request.codeChallenge || !request.nonce) {
        target.search = new URLSearchParams({ error: 'invalid_request', state: request.state }).toString();
      } else {
        signedIn = true;
        target.search = new URLSearchParams({ code: issueCode(request), state: request.state }).toString();
      }
      res.writeHead(302, { location: target.toString() });
      return res.end();
    }
    if (url.pathname === '/logout') {
      const request = {
        clientId: url.searchParams.get('client_id') ?? '',
        postLogoutRedirectUri: url.searchParams.get('post_logout_redirect_uri') ?? '',
      };
      logoutRequests.push(request);
      if (request.clientId !== options.clientId || !redirects.has(request.postLogoutRedirectUri))
        return json(res, 400, { error: 'invalid_request' });
      signedIn = false;
      res.writeHead(302, { location: request.postLogoutRedirectUri });
      return res.end();
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    authorizeRequests,
    tokenRequests,
    logoutRequests,
    get signedIn() {
      return signedIn;
    },
    allowRedirect: (uri) => void redirects.add(uri),
    codeFor: async (request) => issueCode(request),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
