import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, ForbiddenError } from '../errors';
import { TOKEN_VERIFIER, type TokenVerifier } from '../token-verifier';
import { ADMISSION_CHECK, type AdmissionCheck } from './admission';
import { missingForRules, type AllowRule } from './allow-rules';
import { ALLOW_RULES, PUBLIC_ROUTE } from './decorators';
import { attachPrincipal } from './request-principal';

type HttpRequest = { method?: string; headers: Record<string, string | string[] | undefined> };

const READING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every HTTP route needs a valid bearer token unless it is `@Public()`, and a
 * principal that satisfies the route's `@Allow(...)` rules. Missing or bad token: 401; valid token
 * without the role, scope or verification: 403 naming what is missing. Then the `AdmissionCheck` the
 * platform provides (its rate limits), for public routes too.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Optional() @Inject(ADMISSION_CHECK) private readonly admission?: AdmissionCheck,
  ) {}

  /** A route's `@Public()` and `@Allow(...)`, read once per handler: decorators do not change while the app runs. */
  private readonly access = new WeakMap<
    object,
    { readonly owner: object; readonly isPublic: boolean; readonly rules?: readonly AllowRule[] }
  >();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const { isPublic, rules } = this.accessOf(context.getHandler(), context.getClass());
    if (isPublic) return this.admitted(context);

    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.verifier.verify(bearerToken(request));
    attachPrincipal(request, principal);
    // A machine without a role (the analytics reader) reads; even a route open to every signed-in caller takes no command from it.
    if (principal.kind === 'service' && principal.roles.length === 0 && !READING_METHODS.has(request.method ?? 'GET')) {
      throw new ForbiddenError('a read-only client issues no commands');
    }

    const missing = rules ? missingForRules(principal, rules) : undefined;
    if (missing) throw new ForbiddenError(missing);
    return this.admitted(context);
  }

  /** The checks that come after who may call the route (the platform's rate limits), or admitted. */
  private admitted(context: ExecutionContext): true {
    this.admission?.admit(context);
    return true;
  }

  private accessOf(handler: object, owner: object) {
    const known = this.access.get(handler);
    // A handler a subclass inherits is read for each class that routes it.
    if (known?.owner === owner) return known;
    const targets = [handler as () => unknown, owner as new () => unknown];
    const access = {
      owner,
      isPublic: Boolean(this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)),
      rules: this.reflector.getAllAndOverride<readonly AllowRule[] | undefined>(ALLOW_RULES, targets),
    };
    this.access.set(handler, access);
    return access;
  }
}

function bearerToken(request: HttpRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw AuthenticationError.missingToken();
  return match[1];
}
