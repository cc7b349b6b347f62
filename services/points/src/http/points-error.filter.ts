import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@gongzhi/eventsourcing';
import { errorResponseFor, IdentityError } from '@gongzhi/identity';

const CONFLICTS = new Set(['COMMAND.CONCURRENCY_CONFLICT', 'REWARD.OUT_OF_STOCK', 'REWARD.ALREADY_LISTED', 'POINTS.REDEMPTION_CONFLICT', 'POINTS.FLAG_ALREADY_REVIEWED', 'TIMEBANK.ENTRY_CONFLICT', 'TIMEBANK.ENTRY_EXISTS']);

export function statusForCode(code: string): number {
  if (code.endsWith('NOT_FOUND')) return 404;
  if (code.endsWith('FORBIDDEN')) return 403;
  if (CONFLICTS.has(code)) return 409;
  return 422;
}

type HttpResponse = { status(code: number): HttpResponse; setHeader(name: string, value: string): void; json(body: unknown): void };

/** Answers this service's domain refusals in the platform's error body `{ statusCode, code, message, field?, details }`. */
@Catch(DomainError)
export class PointsErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    if (error instanceof IdentityError) {
      const answer = errorResponseFor(error);
      for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
      response.status(answer.status).json(answer.body);
      return;
    }
    const status = statusForCode(error.code);
    const field = typeof error.details['field'] === 'string' ? error.details['field'] : undefined;
    response.status(status).json({ statusCode: status, code: error.code, message: error.message, ...(field ? { field } : {}), details: error.details });
  }
}
