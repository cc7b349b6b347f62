import { HttpException, HttpStatus, Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { principalOf, type AdmissionCheck } from '@gongzhi/identity';
import type { RateLimits } from '../../config/edge-config';
import { RateLimiter } from './rate-limiter';

/** The public writes and streams a flood would aim at, by the route pattern Express matched. */
export const RATE_LIMITED_ROUTES: ReadonlyArray<{ method: string; path: string; budget: keyof RateLimits; what: string }> = [
  { method: 'POST', path: '/api/cases', budget: 'caseReports', what: 'case reports' },
  { method: 'POST', path: '/open311/v2/:file', budget: 'open311Posts', what: 'Open311 requests' },
  { method: 'POST', path: '/api/auth/register', budget: 'registrations', what: 'registrations' },
  { method: 'POST', path: '/api/photos', budget: 'photoUploads', what: 'photo uploads' },
  { method: 'GET', path: '/api/dashboards/stream', budget: 'liveStreams', what: 'live-update streams opened' },
  { method: 'GET', path: '/api/deliberation/meetings/:meetingId/live', budget: 'liveStreams', what: 'live-update streams opened' },
];

export const RATE_LIMITS = Symbol('RATE_LIMITS');

type HttpRequest = { method: string; ip?: string; route?: { path?: unknown } };
type HttpResponse = { setHeader(name: string, value: string): unknown };

/**
 * Counts each limited request against its principal (when signed in) and its client address, each
 * with the configured per-minute budget; over either, 429 with Retry-After, as an HttpException so
 * that every error filter answers it in its own format (the platform's body; Open311's errors). The
 * AuthGuard's admission step (`ADMISSION_CHECK`), so it runs after the guard has named the principal and
 * before the handler (or a file upload's parsing) does any work; every other route costs a map lookup.
 */
@Injectable()
export class RateLimitAdmission implements AdmissionCheck {
  private readonly limiter = new RateLimiter();
  private readonly routes = new Map(RATE_LIMITED_ROUTES.map((route) => [`${route.method} ${route.path}`, route]));

  constructor(@Inject(RATE_LIMITS) private readonly limits: RateLimits) {}

  admit(context: ExecutionContext): void {
    if (context.getType() !== 'http') return;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const route = this.routes.get(`${request.method} ${String(request.route?.path)}`);
    if (!route) return;
    const principal = principalOf(request);
    const keys = [
      `${route.budget}|address|${request.ip ?? 'unknown'}`,
      ...(principal ? [`${route.budget}|principal|${principal.subject}`] : []),
    ];
    const taken = this.limiter.take(keys, this.limits[route.budget]);
    if (!taken.allowed) {
      context.switchToHttp().getResponse<HttpResponse>().setHeader('Retry-After', String(taken.retryAfterSeconds));
      throw new HttpException(`too many ${route.what}; try again in ${taken.retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
