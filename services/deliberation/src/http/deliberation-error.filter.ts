import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@gongzhi/eventsourcing';
import { errorResponseFor, IdentityError, type ErrorBody } from '@gongzhi/identity';

type HttpResponse = { status(code: number): HttpResponse; setHeader(name: string, value: string): void; json(body: unknown): void };

const EXPLICIT: Readonly<Record<string, number>> = {
  'BALLOT.NOT_ELIGIBLE': 403,
  'COMMAND.CONCURRENCY_CONFLICT': 409,
  'TOPIC.ALREADY_EXISTS': 409,
  'BUDGET.ALREADY_EXISTS': 409,
  'EVENTSTORE.INVALID_EVENT': 400,
};

/** The service's status rule: `*.NOT_FOUND` 404, `*.FORBIDDEN` 403, conflicts 409, other refusals 422. */
export function statusForCode(code: string): number {
  if (EXPLICIT[code]) return EXPLICIT[code];
  if (code.endsWith('.NOT_FOUND')) return 404;
  if (code.endsWith('.FORBIDDEN')) return 403;
  if (code.endsWith('CONFLICT')) return 409;
  return 422;
}

/** Answers domain refusals in the platform's error body; identity errors (400, 401, 403) as identity answers them. */
@Catch(DomainError)
export class DeliberationErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (error instanceof IdentityError) {
      const answer = errorResponseFor(error);
      for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
      response.status(answer.status).json(answer.body);
      return;
    }
    const status = statusForCode(error.code);
    const field = error.details['field'];
    const body: ErrorBody = {
      statusCode: status,
      code: error.code,
      message: error.message,
      ...(typeof field === 'string' ? { errors: [{ path: field, message: error.message }] } : {}),
    };
    response.status(status).json(body);
  }
}
