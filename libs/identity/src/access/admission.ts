import type { ExecutionContext } from '@nestjs/common';

/**
 * What else every HTTP request must pass once the AuthGuard has named its caller (or found its route public),
 * before anything of the route runs: the platform's rate limits. `admit` throws (an HttpException) to refuse.
 *
 * Part of the guard rather than a global interceptor of its own: a global interceptor puts every route of the
 * app, limited or not, through Nest's observable pipeline, a fixed cost on every request.
 */
export interface AdmissionCheck {
  admit(context: ExecutionContext): void;
}

/** Provided by the platform (`PlatformModule`); without one, the AuthGuard admits whom it authenticates. */
export const ADMISSION_CHECK = Symbol('ADMISSION_CHECK');
