import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, StoreUnavailableError } from '@gongzhi/eventsourcing';
import { errorResponseFor, IdentityError, type ErrorBody, type ErrorResponse, type FieldError } from '@gongzhi/identity';
import { isTransientFailure } from '@gongzhi/messaging';
import type { ErrorStatuses } from './error-statuses';

export interface PlatformErrorResponse extends ErrorResponse {
  /** A failure on our side (5xx): it is logged with its stack, and its own message is not shown. */
  readonly serverFault: boolean;
}

/**
 * The answer to any error, in the one error body of the platform (`{ statusCode, code, message,
 * errors? }`): identity errors as identity answers them, DomainErrors by the status table (with
 * the fields at fault: `details.errors`, or the one `details.field`), Nest's
 * HttpExceptions (unknown route, malformed JSON, …) under `HTTP.<STATUS NAME>`, anything else as a
 * 500 `INTERNAL` that says nothing of what went wrong.
 */
export function platformErrorResponse(error: unknown, statuses: ErrorStatuses, correlationId?: string): PlatformErrorResponse {
  if (error instanceof IdentityError) return withFault(errorResponseFor(error));
  if (error instanceof DomainError) {
    const status = statuses.statusOf(error.code);
    const errors = fieldErrorsIn(error.details['errors']) ?? fieldAtFault(error);
    return withFault(answer(status, error.code, error.message, errors));
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return withFault(answer(status, httpCode(status), httpMessage(error)));
  }
  if (error instanceof StoreUnavailableError) {
    return { ...answer(503, error.code, 'The event store cannot be reached; try again shortly', undefined, RETRY_SOON), serverFault: true };
  }
  // The database away (a restart, a failover): nothing was written, and the same request will go through once
  // it is back — a 503 the caller may retry, not a 500 that says something broke.
  if (isTransientFailure(error)) {
    return {
      ...answer(503, 'DATABASE.UNAVAILABLE', 'The database cannot be reached; try again shortly', undefined, RETRY_SOON),
      serverFault: true,
    };
  }
  const exposed = exposedHttpError(error);
  if (exposed) return withFault(answer(exposed.status, httpCode(exposed.status), exposed.message));
  const reference = correlationId ? ` (correlation id ${correlationId})` : '';
  return { ...answer(500, 'INTERNAL', `An unexpected error occurred${reference}`), serverFault: true };
}

/** A database restart takes seconds; sooner retries would only add to the load of one coming back. */
const RETRY_SOON = { 'Retry-After': '5' };

function answer(
  status: number,
  code: string,
  message: string,
  errors?: readonly FieldError[],
  headers: Record<string, string> = {},
): ErrorResponse {
  const body: ErrorBody = { statusCode: status, code, message, ...(errors ? { errors } : {}) };
  return { status, body, headers };
}

function withFault(response: ErrorResponse): PlatformErrorResponse {
  return { ...response, serverFault: response.status >= 500 };
}

function httpCode(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return `HTTP.${name ?? status}`;
}

/** Nest's own answers carry `{ message: string | string[] }`; a developer's may be a plain string. */
function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return error.message;
}

function fieldErrorsIn(value: unknown): readonly FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const valid = value.every((e) => typeof e?.path === 'string' && typeof e?.message === 'string');
  return valid && value.length > 0 ? value.map((e: FieldError) => ({ path: e.path, message: e.message })) : undefined;
}

/** `details.field` names the one field a refusal is about; nothing else of `details` is shown. */
function fieldAtFault(error: DomainError): readonly FieldError[] | undefined {
  const field = error.details['field'];
  return typeof field === 'string' && field.length > 0 ? [{ path: field, message: error.message }] : undefined;
}

/**
 * Errors of Express' own middleware (body too large, unsupported charset …) follow the http-errors
 * convention: a 4xx `status` and `expose: true` when the message is meant for the caller.
 */
function exposedHttpError(error: unknown): { status: number; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return { status, message: error.message };
}
