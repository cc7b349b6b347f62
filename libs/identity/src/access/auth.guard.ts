import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, ForbiddenError } from '../errors';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token-verifier';
import { missingForRules, type AllowRule } from './allow-rules';
import { ALLOW_RULES, PUBLIC_ROUTE } from './decorators';
import { attachPrincipal } from './request-principal';

type HttpRequest = { method?: string; headers: Record<string, string | string[] | undefined> };

const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every HTTP route needs a valid bearer token unless it is `@Public()`, and a
 * principal that satisfies the route's `@Allow(...)` rules. Missing or bad token: 401; valid token
 * without the role, scope or verification: 403 naming what is missing.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.verifier.verify(bearerToken(request));
    attachPrincipal(request, principal);
    // A machine without a role (the analytics reader) reads; even a route open to every signed-in caller takes no command from it.
    if (principal.kind === 'service' && principal.roles.length === 0 && !READING_METHODS.has(request.method ?? 'GET')) {
      throw new ForbiddenError('a read-only client issues no commands');
    }

    const rules = this.reflector.getAllAndOverride<readonly AllowRule[] | undefined>(ALLOW_RULES, targets);
    const missing = rules ? missingForRules(principal, rules) : undefined;
    if (missing) throw new ForbiddenError(missing);
    return true;
  }
}

function bearerToken(request: HttpRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw AuthenticationError.missingToken();
  return match[1];
}
