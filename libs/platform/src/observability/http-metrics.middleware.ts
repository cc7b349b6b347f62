import { Injectable, type NestMiddleware } from '@nestjs/common';
import { PlatformMetrics } from './platform-metrics';

type HttpRequest = { method: string; route?: { path?: unknown } };
type HttpResponse = { statusCode: number; once(event: 'finish', listener: () => void): unknown };

/** The route label of requests no route matched: a raw URL would make one time series per probe. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Times every HTTP request into `gongzhi_http_request_duration_seconds{method,route,status}`.
 *
 * A middleware rather than an interceptor: guards run before interceptors, so an interceptor would
 * never see the 401s and 403s of the AuthGuard, nor a request for a route that does not exist. The
 * route label is the route's path template as Nest registered it (`/api/cases/:caseId`), which
 * Express has put on the request by the time the response is finished.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  constructor(private readonly metrics: PlatformMetrics) {}

  use(request: HttpRequest, response: HttpResponse, next: () => void): void {
    const stop = this.metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      const route = typeof request.route?.path === 'string' ? request.route.path : UNMATCHED_ROUTE;
      stop({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}
