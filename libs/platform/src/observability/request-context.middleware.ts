import { Injectable, type NestMiddleware } from '@nestjs/common';
import { principalOf } from '@gongzhi/identity';
import { CORRELATION_ID_HEADER, correlationIdFrom } from './correlation-id';
import { runWithRequestContext, type RequestContext } from './request-context';

type HttpRequest = { headers: Record<string, string | string[] | undefined> };
type HttpResponse = { setHeader(name: string, value: string): unknown };

/**
 * Takes the caller's `x-correlation-id` (or makes one), echoes it in the response, and runs the rest
 * of the request inside its `RequestContext`, so handlers, the events they append and every log line
 * on the way carry it.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware<HttpRequest, HttpResponse> {
  use(request: HttpRequest, response: HttpResponse, next: () => void): void {
    const correlationId = correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    const context: RequestContext = {
      correlationId,
      // The AuthGuard attaches the principal later in the request; read it when asked.
      get principal() {
        return principalOf(request);
      },
    };
    runWithRequestContext(context, next);
  }
}
