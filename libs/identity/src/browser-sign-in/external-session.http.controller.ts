import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../access/decorators';
import { IdentityError } from '../errors';
import { ErrorAnswers } from '../http/documented-input';
import { ZodBody } from '../http/zod-validation.pipe';
import type { Principal } from '../principal';
import {
  assertSameOrigin,
  clearSessionCookie,
  sessionCookieOf,
  setSessionCookie,
  type CookieRequest,
  type CookieResponse,
} from '../issuer/browser-session/session-cookie';
import { InvalidRefreshTokenError } from '../issuer/issuer-errors';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token-verifier';
import { ExternalSignInError, OIDC_PROVIDER, type OidcProvider, type ProviderTokens } from './oidc-provider';
import { OIDC_REDIRECT_PATH } from './sign-in-config';

const text = (max: number) => z.string({ error: 'required' }).min(1, 'required').max(max, `at most ${max} characters`);

const ExternalSignInRequestSchema = z.object({
  code: text(2048),
  /** RFC 7636 §4.1: 43–128 characters. */
  codeVerifier: z.string({ error: 'required' }).regex(/^[A-Za-z0-9._~-]{43,128}$/, 'a PKCE code verifier (43–128 characters)'),
  redirectUri: text(2048),
  nonce: text(256),
});
type ExternalSignInRequest = z.output<typeof ExternalSignInRequestSchema>;

interface BrowserSession {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly principal: Principal;
}

/** A provider's refresh tokens last as the provider says; the cookie keeps one no longer than this. */
const COOKIE_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/**
 * The web app's session when an external identity provider signs people in: the browser brings the code
 * (its PKCE verifier and nonce with it), the server redeems it, and the provider's refresh token travels
 * in the same httpOnly cookie as the built-in issuer's, so a new tab or a reload restores the session.
 */
@ApiTags('auth')
@Controller('api/auth/session')
export class ExternalSessionHttpController {
  constructor(
    @Inject(OIDC_PROVIDER) private readonly provider: OidcProvider,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  @Public()
  @Post('external')
  @HttpCode(200)
  @ErrorAnswers(401, 403, 503)
  @ApiOperation({ summary: "Finish signing in through the identity provider: the app's code, PKCE verifier and nonce for a session" })
  async signIn(
    @ZodBody(ExternalSignInRequestSchema) body: ExternalSignInRequest,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) response: CookieResponse,
  ): Promise<BrowserSession> {
    assertSameOrigin(request);
    // The provider only sends codes to registered addresses; this keeps a code for another app's page from being redeemed here.
    if (!URL.canParse(body.redirectUri) || new URL(body.redirectUri).pathname !== OIDC_REDIRECT_PATH) {
      throw new ExternalSignInError(`the redirect address must end in ${OIDC_REDIRECT_PATH}`);
    }
    return this.answer(request, response, await this.provider.redeemCode(body));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ErrorAnswers(401, 403, 503)
  @ApiOperation({ summary: "Restore or extend the web app's session from its cookie, through the provider" })
  async restore(@Req() request: CookieRequest, @Res({ passthrough: true }) response: CookieResponse): Promise<BrowserSession> {
    assertSameOrigin(request);
    const refreshToken = sessionCookieOf(request);
    if (!refreshToken) throw new InvalidRefreshTokenError('no session cookie; sign in');
    try {
      return await this.answer(request, response, await this.provider.refresh(refreshToken));
    } catch (error) {
      if (error instanceof IdentityError) clearSessionCookie(request, response);
      throw error;
    }
  }

  @Public()
  @Post('end')
  @HttpCode(204)
  @ErrorAnswers(403)
  @ApiOperation({
    summary:
      "Sign out of the web app here: the cookie is cleared (the app then ends the provider's sign-in at its end_session_endpoint, when it has one)",
  })
  signOut(@Req() request: CookieRequest, @Res({ passthrough: true }) response: CookieResponse): void {
    assertSameOrigin(request);
    clearSessionCookie(request, response);
  }

  private async answer(request: CookieRequest, response: CookieResponse, tokens: ProviderTokens): Promise<BrowserSession> {
    // The API checks the access token the same way on every request: a token it would refuse is no session.
    const principal = await this.verifier.verify(tokens.accessToken);
    if (tokens.refreshToken) setSessionCookie(request, response, tokens.refreshToken, COOKIE_MAX_AGE_SECONDS);
    return { accessToken: tokens.accessToken, tokenType: 'Bearer', expiresIn: tokens.expiresIn, principal };
  }
}
