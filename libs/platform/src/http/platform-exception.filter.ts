import { Catch, Logger, MethodNotAllowedException, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CORRELATION_ID_HEADER, correlationIdFrom } from '../observability/correlation-id';
import { currentCorrelationId } from '../observability/request-context';
import { platformErrorResponse } from './error-response';
import { ErrorStatuses } from './error-statuses';
import { allowedMethodsFor, type RoutedRequest } from './method-not-allowed';

type HttpRequest = RoutedRequest & {
  method: string;
  originalUrl?: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
};
type HttpResponse = {
  headersSent: boolean;
  getHeader(name: string): unknown;
  setHeader(name: string, value: string): unknown;
  status(code: number): HttpResponse;
  json(body: unknown): unknown;
};

/**
 * Answers every error of an HTTP request in the uniform error body (see `platformErrorResponse`).
 * Failures on our side are logged with their stack and the request's correlation id; the caller
 * gets the correlation id, not the message.
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly statuses: ErrorStatuses) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<HttpRequest>();
    const response = host.switchToHttp().getResponse<HttpResponse>();
    // Express' body parser runs before any Nest middleware, so a malformed body has no context yet.
    const correlationId = currentCorrelationId() ?? correlationIdFrom(request.headers[CORRELATION_ID_HEADER]);
    const allowed = error instanceof NotFoundException ? allowedMethodsFor(request) : [];
    const answered =
      allowed.length > 0 ? new MethodNotAllowedException(`${request.method} is not allowed here; use ${allowed.join(', ')}`) : error;
    const { status, body, headers, serverFault } = platformErrorResponse(answered, this.statuses, correlationId);
    const where = `${request.method} ${request.originalUrl ?? request.url}`;
    if (serverFault) {
      this.logger.error({ msg: `${where} answered ${status} ${body.code}`, correlationId, err: error });
    } else {
      this.logger.debug(`${where} answered ${status} ${body.code}: ${body.message}`);
    }
    if (response.headersSent) return;
    if (!response.getHeader(CORRELATION_ID_HEADER)) response.setHeader(CORRELATION_ID_HEADER, correlationId);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (allowed.length > 0) response.setHeader('Allow', allowed.join(', '));
    response.status(status).json(body);
  }
}
