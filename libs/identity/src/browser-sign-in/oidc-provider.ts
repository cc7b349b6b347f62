import type { Clock } from '../clock';
import { IdentityError, IdentityProviderUnavailableError } from '../errors';
import { loadJose } from '../jose-loader';
import type { ExternalSignInOptions, SignInConfig } from './sign-in-config';
import { OIDC_REDIRECT_PATH } from './sign-in-config';

/** The provider refused the code or the refresh token, or its ID token did not hold up (401). */
export class ExternalSignInError extends IdentityError {
  constructor(reason: string) {
    super('AUTH.EXTERNAL_SIGN_IN_FAILED', `signing in through the identity provider failed: ${reason}`);
  }
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly end_session_endpoint?: string;
}

/** What the provider's token endpoint answers (RFC 6749 §5.1, OIDC Core §3.1.3.3). */
export interface ProviderTokens {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken?: string;
  readonly idToken?: string;
}

export const OIDC_PROVIDER = Symbol('OIDC_PROVIDER');

/**
 * The server's half of the browser's OIDC sign-in: it reads the provider's discovery document, trades the
 * code (with the browser's PKCE verifier) and refresh tokens at the token endpoint, and checks the ID
 * token's signature, issuer, audience and nonce. The browser cannot call the provider itself: the app's
 * Content-Security-Policy allows calls to its own origin only.
 */
export class OidcProvider {
  private discovered: Promise<Discovery> | undefined;

  constructor(
    private readonly issuer: string,
    private readonly options: ExternalSignInOptions,
    private readonly clock: Clock,
  ) {}

  async signInConfig(): Promise<SignInConfig> {
    const { authorization_endpoint, end_session_endpoint } = await this.discovery();
    return {
      provider: 'external',
      demo: false,
      authorizationEndpoint: authorization_endpoint,
      clientId: this.options.clientId,
      scope: scopeWithOpenId(this.options.scope),
      redirectPath: OIDC_REDIRECT_PATH,
      ...(typeof end_session_endpoint === 'string' && URL.canParse(end_session_endpoint)
        ? { endSessionEndpoint: end_session_endpoint }
        : {}),
    };
  }

  async redeemCode(input: { code: string; codeVerifier: string; redirectUri: string; nonce: string }): Promise<ProviderTokens> {
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    });
    if (!tokens.idToken) throw new ExternalSignInError('the provider answered without an ID token');
    await this.checkIdToken(tokens.idToken, input.nonce);
    return tokens;
  }

  refresh(refreshToken: string): Promise<ProviderTokens> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async checkIdToken(idToken: string, nonce: string): Promise<void> {
    const { jwtVerify, createRemoteJWKSet } = await loadJose();
    const { jwks_uri } = await this.discovery();
    try {
      const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(jwks_uri)), {
        issuer: this.issuer,
        audience: this.options.clientId,
        currentDate: this.clock.now(),
        clockTolerance: 30,
      });
      // The nonce ties the ID token to the browser's own attempt: a token injected from another sign-in fails here.
      if (payload['nonce'] !== nonce) throw new ExternalSignInError('the ID token is for another sign-in (nonce)');
    } catch (error) {
      if (error instanceof ExternalSignInError) throw error;
      throw new ExternalSignInError(`the ID token is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async tokenRequest(parameters: Record<string, string>): Promise<ProviderTokens> {
    const { token_endpoint } = await this.discovery();
    const body = new URLSearchParams({ ...parameters, client_id: this.options.clientId });
    if (this.options.clientSecret) body.set('client_secret', this.options.clientSecret);
    const response = await fetch(token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof answer['access_token'] !== 'string') {
      throw new ExternalSignInError(`the token endpoint answered ${response.status} ${String(answer['error'] ?? '')}`.trim());
    }
    return {
      accessToken: answer['access_token'],
      expiresIn: typeof answer['expires_in'] === 'number' ? answer['expires_in'] : 300,
      ...(typeof answer['refresh_token'] === 'string' ? { refreshToken: answer['refresh_token'] } : {}),
      ...(typeof answer['id_token'] === 'string' ? { idToken: answer['id_token'] } : {}),
    };
  }

  private discovery(): Promise<Discovery> {
    this.discovered ??= fetch(new URL('.well-known/openid-configuration', this.issuer.endsWith('/') ? this.issuer : `${this.issuer}/`), {
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`discovery answered ${response.status}`);
        return (await response.json()) as Discovery;
      })
      .catch((error: unknown) => {
        // Asked again next time: a provider that was down at start must not break sign-in for good.
        this.discovered = undefined;
        throw new IdentityProviderUnavailableError(`the discovery document cannot be read: ${String(error)}`);
      });
    return this.discovered;
  }
}

function scopeWithOpenId(scope = 'openid profile'): string {
  const scopes = scope.split(/\s+/).filter(Boolean);
  return (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' ');
}
