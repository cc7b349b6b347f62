import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@gongzhi/eventsourcing';
import { errorResponseFor, IdentityError } from '@gongzhi/identity';

type HttpResponse = { status(code: number): HttpResponse; setHeader(name: string, value: string): void; json(body: unknown): void };

/** The status of a refusal by its code: `*.NOT_FOUND` 404, `*.FORBIDDEN` 403, repeats and races 409, other refusals 422. */
export function statusForCode(code: string): number {
  if (code.endsWith('.NOT_FOUND')) return 404;
  if (code.endsWith('.FORBIDDEN')) return 403;
  if (/\.ALREADY_|\.CONFLICT$|^COMMAND\.CONCURRENCY_CONFLICT$|\.CLOSED$/.test(code)) return 409;
  return 422;
}

/**
 * Answers this service's domain refusals in the platform's error body `{ statusCode, code, message, field? }`;
 * identity errors (400 with field paths, 401, 403) keep their own answers.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (error instanceof IdentityError) {
      const { status, body, headers } = errorResponseFor(error);
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      response.status(status).json(body);
      return;
    }
    const status = statusForCode(error.code);
    const field = typeof error.details['field'] === 'string' ? { field: error.details['field'] } : {};
    response.status(status).json({ statusCode: status, code: error.code, message: error.message, ...field });
  }
}
