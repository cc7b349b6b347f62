import { Controller, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../access/decorators';
import { IdentityError } from '../../errors';
import { ErrorAnswers } from '../../http/documented-input';
import { ZodBody } from '../../http/zod-validation.pipe';
import { LoginHandler } from '../commands/login/login.handler';
import { LoginRequestSchema, type LoginRequest } from '../commands/login/login.request';
import { LogoutHandler } from '../commands/logout/logout.handler';
import { RefreshSessionHandler } from '../commands/refresh-session/refresh-session.handler';
import { InvalidRefreshTokenError } from '../issuer-errors';
import { ISSUER_SETTINGS, type IssuerSettings } from '../issuer-settings';
import type { AccessOnlySession, Session } from '../session-issuer';
import {
  assertSameOrigin,
  clearSessionCookie,
  sessionCookieOf,
  setSessionCookie,
  type CookieRequest,
  type CookieResponse,
} from './session-cookie';

/**
 * The web app's session: the same login, rotation and logout as /api/auth/login|refresh|logout, but the
 * refresh token travels only in an httpOnly SameSite=Strict cookie scoped to these routes, so a new tab
 * or a reload restores the session while script only ever holds the short-lived access token.
 */
@ApiTags('auth')
@Controller('api/auth/session')
export class BrowserSessionHttpController {
  constructor(
    private readonly login: LoginHandler,
    private readonly refresh: RefreshSessionHandler,
    private readonly logout: LogoutHandler,
    @Inject(ISSUER_SETTINGS) private readonly settings: IssuerSettings,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ErrorAnswers(401, 403, 429, 503)
  @ApiOperation({ summary: 'Sign in from the web app: the access token in the answer, the refresh token in an httpOnly cookie' })
  async signIn(
    @ZodBody(LoginRequestSchema) body: LoginRequest,
    @Ip() clientAddress: string,
    @Req() request: CookieRequest,
    @Res({ passthrough: true }) response: CookieResponse,
  ): Promise<AccessOnlySession> {
    assertSameOrigin(request);
    const session = await this.login.execute({ ...body, clientAddress: clientAddress ?? 'unknown' });
    return this.answer(request, response, session);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ErrorAnswers(401, 403)
  @ApiOperation({ summary: "Restore or extend the web app's session from its cookie (a new tab, a reload, an expired access token)" })
  async restore(@Req() request: CookieRequest, @Res({ passthrough: true }) response: CookieResponse): Promise<AccessOnlySession> {
    assertSameOrigin(request);
    const refreshToken = sessionCookieOf(request);
    if (!refreshToken) throw new InvalidRefreshTokenError('no session cookie; sign in');
    try {
      return this.answer(request, response, await this.refresh.execute({ refreshToken, graceForJustRotated: true }));
    } catch (error) {
      if (error instanceof IdentityError) clearSessionCookie(request, response);
      throw error;
    }
  }

  @Public()
  @Post('end')
  @HttpCode(204)
  @ErrorAnswers(403)
  @ApiOperation({ summary: "Sign out of the web app: the cookie's session is revoked and the cookie cleared" })
  async signOut(@Req() request: CookieRequest, @Res({ passthrough: true }) response: CookieResponse): Promise<void> {
    assertSameOrigin(request);
    const refreshToken = sessionCookieOf(request);
    if (refreshToken) await this.logout.execute({ refreshToken });
    clearSessionCookie(request, response);
  }

  private answer(request: CookieRequest, response: CookieResponse, session: Session | AccessOnlySession): AccessOnlySession {
    if ('refreshToken' in session) {
      const { refreshToken, ...rest } = session;
      setSessionCookie(request, response, refreshToken, this.settings.refreshTokenTtlSeconds);
      return rest;
    }
    return session;
  }
}
