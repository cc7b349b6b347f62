import type { JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import { systemClock, type Clock } from './clock';
import { AuthenticationError, IdentityProviderUnavailableError } from './errors';
import { hs256Key } from './hs256-key';
import { loadJose } from './jose-loader';
import type { Principal } from './principal';
import { principalFromClaims } from './token-claims';

/** Port: turns a bearer token into the principal it speaks for, or throws `AuthenticationError`. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export interface TokenAudienceOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly clock?: Clock;
  /** Seconds of leeway for `exp`/`nbf` against a clock that is not quite ours. */
  readonly clockToleranceSeconds?: number;
}

/** Failures that are the token's fault; any other failure of a remote key set is the provider's. */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JWE_INVALID',
]);

interface VerifiedToken {
  readonly principal: Principal;
  /** The token's `exp` and `nbf` claims, in seconds. */
  readonly expiresAt: number;
  readonly notBefore?: number;
}

async function verifyWith(
  token: string,
  key: Uint8Array | Promise<JWTVerifyGetKey>,
  options: JWTVerifyOptions & { clock: Clock },
  isTokenFault: (code: string | undefined) => boolean,
): Promise<VerifiedToken> {
  if (!token) throw AuthenticationError.missingToken();
  let payload: unknown;
  try {
    const { clock, ...verifyOptions } = options;
    const { jwtVerify } = await loadJose();
    ({ payload } = await jwtVerify(token, (await key) as JWTVerifyGetKey, { ...verifyOptions, currentDate: clock.now() }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_JWT_EXPIRED') throw new AuthenticationError('AUTH.TOKEN_EXPIRED', 'the access token has expired');
    if (isTokenFault(code)) throw new AuthenticationError('AUTH.INVALID_TOKEN', `the access token is not valid: ${reason}`);
    throw new IdentityProviderUnavailableError(reason);
  }
  const read = principalFromClaims(payload);
  if ('fault' in read) throw new AuthenticationError('AUTH.INVALID_TOKEN', `the access token is not valid: ${read.fault}`);
  const { exp, nbf } = payload as { exp: number; nbf?: unknown };
  return { principal: read.principal, expiresAt: exp, notBefore: typeof nbf === 'number' ? nbf : undefined };
}

/** How many verified tokens the built-in issuer's verifier remembers (a few per person signed in). */
const REMEMBERED_TOKENS = 10_000;

/** Tokens of the built-in issuer of the embedded default, signed with a shared secret. */
export class Hs256TokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature, issuer and audience were already checked: the same token on the next request only has
   * its times checked again, against the clock of that request, instead of another HMAC through WebCrypto (the
   * largest single cost of a request's authentication). A token is its own key, so nothing else can hit it.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    secret: string,
    private readonly options: TokenAudienceOptions,
  ) {
    this.key = hs256Key(secret);
  }

  async verify(token: string): Promise<Principal> {
    const { issuer, audience, clock = systemClock, clockToleranceSeconds = 0 } = this.options;
    const known = this.verified.get(token);
    // The time checks as jose makes them; a token out of its time is verified again, so it is refused as jose refuses it.
    const now = Math.floor(clock.now().getTime() / 1000);
    const inTime = (t: VerifiedToken) =>
      t.expiresAt > now - clockToleranceSeconds && (t.notBefore === undefined || t.notBefore <= now + clockToleranceSeconds);
    if (known && inTime(known)) return known.principal;
    const checked = await verifyWith(
      token,
      this.key,
      { issuer, audience, clock, clockTolerance: clockToleranceSeconds, algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] },
      () => true,
    );
    if (this.verified.size >= REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { ...checked, principal: Object.freeze(checked.principal) });
    return checked.principal;
  }
}

export interface JwksTokenVerifierOptions extends TokenAudienceOptions {
  /** Asymmetric algorithms only: a key set never holds the shared secrets of HS256. */
  readonly algorithms?: readonly string[];
  readonly fetchTimeoutMs?: number;
}

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Tokens of an external identity provider, checked against the keys it publishes at a JWKS URL. */
export class JwksTokenVerifier implements TokenVerifier {
  private readonly jwksUrl: URL;
  /** Fetched on first use and cached by jose, which refetches when a token names an unknown key. */
  private keySet: Promise<JWTVerifyGetKey> | undefined;

  constructor(
    jwksUrl: string,
    private readonly options: JwksTokenVerifierOptions,
  ) {
    this.jwksUrl = new URL(jwksUrl);
  }

  verify(token: string): Promise<Principal> {
    const { issuer, audience, clock = systemClock, clockToleranceSeconds = 30, algorithms = ASYMMETRIC_ALGORITHMS } = this.options;
    this.keySet ??= loadJose().then(({ createRemoteJWKSet }) =>
      createRemoteJWKSet(this.jwksUrl, { timeoutDuration: this.options.fetchTimeoutMs ?? 5_000 }),
    );
    return verifyWith(
      token,
      this.keySet,
      { issuer, audience, clock, clockTolerance: clockToleranceSeconds, algorithms: [...algorithms], requiredClaims: ['sub', 'exp'] },
      (code) => code !== undefined && TOKEN_FAULTS.has(code),
    ).then((verified) => verified.principal);
  }
}
