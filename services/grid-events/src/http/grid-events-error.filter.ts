import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@gongzhi/eventsourcing';
import { errorResponseFor, IdentityError, type ErrorBody } from '@gongzhi/identity';

type HttpResponse = { status(code: number): HttpResponse; setHeader(name: string, value: string): void; json(body: unknown): void };

const BAD_INPUT = /^(VALIDATION|CATEGORY|LOCATION|PHOTO|DEPARTMENT|GRID|GRID_WORKER)\./;

/** The HTTP status of a domain error code: the platform's convention (404, 403, 409, 400, else 422). */
export function statusForCode(code: string): number {
  if (code === 'PHOTO.TOO_LARGE') return 413;
  if (code === 'PHOTO.UNSUPPORTED_TYPE') return 415;
  if (code.endsWith('.NOT_FOUND') && !code.startsWith('PHOTO.')) return 404;
  if (code.endsWith('.FORBIDDEN')) return 403;
  if (code === 'COMMAND.CONCURRENCY_CONFLICT' || /\.ALREADY_/.test(code)) return 409;
  if (BAD_INPUT.test(code)) return 400;
  return 422;
}

/** Answers this service's domain errors in the uniform error body `{ statusCode, code, message, errors? }`. */
export function errorBodyFor(error: DomainError | HttpException): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof IdentityError) {
    const { status, body, headers } = errorResponseFor(error);
    return { status, body, headers: { ...headers } };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 413 ? 'PHOTO.TOO_LARGE' : `HTTP.${status}`;
    return { status, body: { statusCode: status, code, message: error.message }, headers: {} };
  }
  const status = statusForCode(error.code);
  const field = error.details['field'];
  const body: ErrorBody = {
    statusCode: status,
    code: error.code,
    message: error.message,
    ...(typeof field === 'string' ? { errors: [{ path: field, message: error.message }] } : {}),
  };
  return { status, body, headers: {} };
}

@Catch(DomainError, HttpException)
export class GridEventsErrorFilter implements ExceptionFilter {
  catch(error: DomainError | HttpException, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const { status, body, headers } = errorBodyFor(error);
    const response = host.switchToHttp().getResponse<HttpResponse>();
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}
