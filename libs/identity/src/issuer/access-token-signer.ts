import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { hs256Key } from '../hs256-key';
import { loadJose } from '../jose-loader';
import type { Principal } from '../principal';
import { claimsFromPrincipal } from '../token-claims';

/** Signs the built-in issuer's HS256 access tokens, which `Hs256TokenVerifier` checks. */
export class AccessTokenSigner {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly settings: { readonly issuer: string; readonly audience: string; readonly accessTokenTtlSeconds: number },
    private readonly clock: Clock,
  ) {
    this.key = hs256Key(secret);
  }

  /**
   * `sessionId` (the refresh-token family) goes in the `sid` claim, so ending the session ends its access tokens.
   * Each token gets its own `jti`: a refresh within the same second must not hand back the token that just failed.
   */
  async sign(principal: Principal, sessionId?: string): Promise<{ accessToken: string; expiresIn: number }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.settings.accessTokenTtlSeconds;
    const { sub, ...claims } = claimsFromPrincipal(principal);
    const { SignJWT } = await loadJose();
    const accessToken = await new SignJWT(sessionId === undefined ? claims : { ...claims, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresIn)
      .sign(this.key);
    return { accessToken, expiresIn };
  }
}

export const ACCESS_TOKEN_SIGNER = Symbol('ACCESS_TOKEN_SIGNER');
