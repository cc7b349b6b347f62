import { Injectable, type NestMiddleware } from '@nestjs/common';
import { UNMATCHED_ROUTE } from './http-metrics.middleware';
import { PinoLogger } from './pino-logger';
import { currentRequestContext } from './request-context';

type HttpRequest = { method: string; route?: { path?: unknown } };
type HttpResponse = { statusCode: number; once(event: 'finish' | 'close', listener: () => void): unknown };

/**
 * One access line per request, when its response is finished (or the client went away):
 * `{msg: 'GET /api/cases/:caseId 200', method, route, status, durationMs, correlationId}`.
 *
 * The route is the path template, as in the metrics: a raw URL would carry ids and query strings (an
 * Open311 api_key) into the logs. A middleware for the same reason as HttpMetricsMiddleware: it sees the
 * AuthGuard's 401s and requests no route matched. Runs after RequestContextMiddleware, inside its context.
 */
@Injectable()
export class AccessLogMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  constructor(private readonly logger: PinoLogger) {}

  use(request: HttpRequest, response: HttpResponse, next: () => void): void {
    const started = process.hrtime.bigint();
    const context = currentRequestContext();
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const route = typeof request.route?.path === 'string' ? request.route.path : UNMATCHED_ROUTE;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      // 'finish' may be emitted from the socket's callbacks: the line carries the request's own correlation id.
      this.logger.access({ method: request.method, route, status: response.statusCode, durationMs, correlationId: context?.correlationId });
    };
    response.once('finish', write);
    response.once('close', write);
    next();
  }
}
