import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError } from './errors';
import { ManualClock } from './spec-support/manual-clock';
import { Hs256TokenVerifier, JwksTokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const ISSUER = 'gongzhi-embedded';
const AUDIENCE = 'gongzhi';

const streetOfficerClaims = {
  name: '赵志强',
  roles: ['street_officer', 'some_idp_role'],
  vl: 'verified',
  district: 'district-huangpu',
  street: 'street-nanjingdong',
};

interface SignOptions {
  readonly claims?: Record<string, unknown>;
  readonly issuedAt?: Date;
  readonly ttlSeconds?: number;
  readonly issuer?: string;
  readonly audience?: string;
  readonly subject?: string;
}

function sign(key: Uint8Array | CryptoKey, alg: string, options: SignOptions = {}, kid?: string): Promise<string> {
  const iat = Math.floor((options.issuedAt ?? clock.now()).getTime() / 1000);
  return new SignJWT(options.claims ?? streetOfficerClaims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject(options.subject ?? 'account-1')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttlSeconds ?? 900))
    .sign(key);
}

const secretKey = (secret: string) => new TextEncoder().encode(secret);

let clock: ManualClock;
beforeEach(() => {
  clock = new ManualClock();
});

async function failureOf(promise: Promise<unknown>): Promise<AuthenticationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe('Hs256TokenVerifier', () => {
  const verifier = () => new Hs256TokenVerifier(SECRET, { issuer: ISSUER, audience: AUDIENCE, clock });

  it('reads the principal from a valid token: roles it knows, flat scope claims, verification', async () => {
    const token = await sign(secretKey(SECRET), 'HS256');

    await expect(verifier().verify(token)).resolves.toEqual({
      subject: 'account-1',
      displayName: '赵志强',
      roles: ['street_officer'],
      scope: { districtId: 'district-huangpu', streetId: 'street-nanjingdong' },
      verification: 'verified',
    });
  });

  it('takes a token without a verification claim as unverified and without roles as having none', async () => {
    const token = await sign(secretKey(SECRET), 'HS256', { claims: { community: 'community-hexie' } });

    await expect(verifier().verify(token)).resolves.toEqual({
      subject: 'account-1',
      roles: [],
      scope: { communityId: 'community-hexie' },
      verification: 'unverified',
    });
  });

  it('rejects a token past its expiry by the injected clock as expired', async () => {
    const token = await sign(secretKey(SECRET), 'HS256', { ttlSeconds: 900 });
    clock.advance({ minutes: 15, seconds: 1 });

    expect(await failureOf(verifier().verify(token))).toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('rejects a token it accepted before once the clock passes its expiry, and accepts it again on the next request until then', async () => {
    const once = verifier();
    const token = await sign(secretKey(SECRET), 'HS256', { ttlSeconds: 900 });
    await expect(once.verify(token)).resolves.toMatchObject({ subject: 'account-1' });
    clock.advance({ minutes: 14, seconds: 59 });
    await expect(once.verify(token)).resolves.toMatchObject({ subject: 'account-1', roles: ['street_officer'] });
    clock.advance({ seconds: 1 });

    expect(await failureOf(once.verify(token))).toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('rejects an altered token on the same verifier that accepted the original', async () => {
    const once = verifier();
    const token = await sign(secretKey(SECRET), 'HS256');
    await expect(once.verify(token)).resolves.toMatchObject({ roles: ['street_officer'] });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'account-1', roles: ['admin'], exp: 9_999_999_999, iss: ISSUER, aud: AUDIENCE }),
    ).toString('base64url');

    expect(await failureOf(once.verify(`${header}.${payload}.${signature}`))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('rejects a token signed with another secret as invalid', async () => {
    const token = await sign(secretKey('another-secret-that-is-also-32-bytes-long!!'), 'HS256');

    expect(await failureOf(verifier().verify(token))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await sign(secretKey(SECRET), 'HS256')).split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'account-1', roles: ['admin'], exp: 9_999_999_999, iss: ISSUER, aud: AUDIENCE }),
    ).toString('base64url');

    expect(await failureOf(verifier().verify(`${header}.${payload}.${signature}`))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('rejects a token for another audience or from another issuer, naming the claim', async () => {
    const forOtherApi = await sign(secretKey(SECRET), 'HS256', { audience: 'other-api' });
    const fromElsewhere = await sign(secretKey(SECRET), 'HS256', { issuer: 'someone-else' });

    const audience = await failureOf(verifier().verify(forOtherApi));
    const issuer = await failureOf(verifier().verify(fromElsewhere));

    expect(audience).toMatchObject({ code: 'AUTH.INVALID_TOKEN', message: expect.stringContaining('"aud"') });
    expect(issuer).toMatchObject({ code: 'AUTH.INVALID_TOKEN', message: expect.stringContaining('"iss"') });
  });

  it('rejects an unsigned token (alg none), a token without expiry and a token that is not a JWT', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: 9_999_999_999 })).toString('base64url')}.`;
    const withoutExpiry = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(secretKey(SECRET));

    for (const token of [unsigned, withoutExpiry, 'not-a-jwt']) {
      expect(await failureOf(verifier().verify(token))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    }
  });

  it('rejects a signed token whose claims have the wrong shape, naming the claim', async () => {
    const token = await sign(secretKey(SECRET), 'HS256', { claims: { roles: 'admin' } });

    expect(await failureOf(verifier().verify(token))).toMatchObject({
      code: 'AUTH.INVALID_TOKEN',
      message: expect.stringContaining('claim roles'),
    });
  });

  it('refuses a secret shorter than 32 bytes at construction', () => {
    expect(() => new Hs256TokenVerifier('short', { issuer: ISSUER, audience: AUDIENCE })).toThrow(/at least 32 bytes/);
  });
});

describe('JwksTokenVerifier against a JWKS served over HTTP', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let publicJwks: { keys: JWK[] };
  let requests = 0;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    publicJwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'key-2026', alg: 'ES256', use: 'sig' }] };
    server = createServer((request, response) => {
      requests++;
      if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(publicJwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verifier = (url = jwksUrl) => new JwksTokenVerifier(url, { issuer: 'https://idp.example.gov.cn', audience: AUDIENCE, clock });
  const idpToken = (options: SignOptions = {}, key: CryptoKey = privateKey, kid = 'key-2026') =>
    sign(key, 'ES256', { issuer: 'https://idp.example.gov.cn', ...options }, kid);

  it('verifies a token signed with a key the provider publishes, fetching the key set once', async () => {
    const before = requests;
    const token = await idpToken({ subject: 'officer-9' });
    const checker = verifier();

    await expect(checker.verify(token)).resolves.toMatchObject({ subject: 'officer-9', roles: ['street_officer'] });
    await expect(checker.verify(token)).resolves.toMatchObject({ subject: 'officer-9' });
    expect(requests - before).toBe(1);
  });

  it('rejects a token signed with a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await idpToken({}, stranger.privateKey, 'key-2026');
    const unknownKid = await idpToken({}, stranger.privateKey, 'key-unknown');

    expect(await failureOf(verifier().verify(token))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    expect(await failureOf(verifier().verify(unknownKid))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('rejects an HS256 token even when its secret is known: a key set holds public keys only', async () => {
    const token = await sign(secretKey(SECRET), 'HS256', { issuer: 'https://idp.example.gov.cn' });

    expect(await failureOf(verifier().verify(token))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('rejects an expired token and one for another audience', async () => {
    const expired = await idpToken({ issuedAt: new Date(clock.now().getTime() - 3_600_000), ttlSeconds: 600 });
    const otherAudience = await idpToken({ audience: 'other-api' });

    expect(await failureOf(verifier().verify(expired))).toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    expect(await failureOf(verifier().verify(otherAudience))).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('blames the provider, not the token, when the key set cannot be fetched', async () => {
    const token = await idpToken();
    const missing = verifier(jwksUrl.replace('jwks.json', 'nothing-here.json'));

    await expect(missing.verify(token)).rejects.toMatchObject({ code: 'AUTH.PROVIDER_UNAVAILABLE' });
  });
});
