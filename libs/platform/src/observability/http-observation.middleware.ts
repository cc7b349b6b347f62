import { performance } from 'node:perf_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { principalOf, type Principal } from '@gongzhi/identity';
import { CORRELATION_ID_HEADER, correlationIdFrom } from './correlation-id';
import { PinoLogger } from './pino-logger';
import { PlatformMetrics } from './platform-metrics';
import { runWithRequestContext, type RequestContext } from './request-context';

type HttpRequest = { method: string; headers: Record<string, string | string[] | undefined>; route?: { path?: unknown } };
type HttpResponse = {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  on(event: 'finish' | 'close', listener: (this: HttpResponse) => void): unknown;
};

/** The route label of requests no route matched: a raw URL would make one time series per probe. */
export const UNMATCHED_ROUTE = '(unmatched)';

const OBSERVED = Symbol('observed request');

/**
 * What the platform sees of every HTTP request, in one middleware (one Express layer, one pass through Nest's
 * middleware proxy, and no closure per request):
 *
 * - its correlation id: the caller's `x-correlation-id` when it is a sane one (or a new UUID v7), echoed in the
 *   response, and the rest of the request runs inside its `RequestContext`, so handlers, the events they append
 *   and every log line on the way carry it;
 * - its time, into `gongzhi_http_request_duration_seconds{method,route,status}` when the response is finished;
 * - one access line when the response is finished (or the client went away):
 *   `{msg: 'GET /api/cases/:caseId 200', method, route, status, durationMs, correlationId}`.
 *
 * A middleware rather than an interceptor: guards run before interceptors, so an interceptor would never see the
 * 401s and 403s of the AuthGuard, nor a request for a route that does not exist. The route is the path template
 * Nest registered (`/api/cases/:caseId`), which Express has put on the request by the time the response is
 * finished: a raw URL would carry ids and query strings (an Open311 api_key) into the logs and the metrics.
 */
@Injectable()
export class HttpObservationMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  constructor(
    readonly metrics: PlatformMetrics,
    readonly logger: PinoLogger,
  ) {}

  use(request: HttpRequest, response: HttpResponse, next: () => void): void {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    const observed = new ObservedRequest(this, request, correlationId);
    (response as HttpResponse & { [OBSERVED]?: ObservedRequest })[OBSERVED] = observed;
    response.on('finish', finished);
    response.on('close', closed);
    runWithRequestContext(observed, next);
  }
}

/** A request in progress: its `RequestContext`, and what its access line and its time need when it ends. */
class ObservedRequest implements RequestContext {
  readonly started = performance.now();
  logged = false;

  constructor(
    private readonly observer: HttpObservationMiddleware,
    private readonly request: HttpRequest,
    readonly correlationId: string,
  ) {}

  /** The AuthGuard attaches the principal later in the request; read it when asked. */
  get principal(): Principal | undefined {
    return principalOf(this.request);
  }

  /**
   * Timed when the response is finished ('finish' comes once); logged at whichever of 'finish' and 'close' comes
   * first. 'finish' may be emitted from the socket's callbacks: the line carries the request's own correlation id.
   */
  end(response: HttpResponse, finished: boolean): void {
    if (this.logged && !finished) return;
    const elapsedMs = performance.now() - this.started;
    const { method, route: matched } = this.request;
    const route = typeof matched?.path === 'string' ? matched.path : UNMATCHED_ROUTE;
    const status = response.statusCode;
    if (finished) this.observer.metrics.httpRequestDuration.observe({ method, route, status: String(status) }, elapsedMs / 1000);
    if (this.logged) return;
    this.logged = true;
    const durationMs = Math.round(elapsedMs * 100) / 100;
    this.observer.logger.access({ method, route, status, durationMs, correlationId: this.correlationId });
  }
}

/** Listeners shared by every response (`this` is the response), so that none is made per request. */
function finished(this: HttpResponse): void {
  (this as HttpResponse & { [OBSERVED]?: ObservedRequest })[OBSERVED]?.end(this, true);
}

function closed(this: HttpResponse): void {
  (this as HttpResponse & { [OBSERVED]?: ObservedRequest })[OBSERVED]?.end(this, false);
}
