import { AuthenticationError, type FieldError, type IdentityError, ValidationFailedError } from '../errors';

/** The one shape of every error body: `{ statusCode, code, message, errors? }`. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly FieldError[];
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'VALIDATION.FAILED': 400,
  'AUTH.MISSING_TOKEN': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.TOKEN_EXPIRED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_REFRESH_TOKEN': 401,
  'AUTH.REFRESH_TOKEN_REUSED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.ACCOUNT_DISABLED': 403,
  'AUTH.ACCOUNT_NOT_FOUND': 404,
  'AUTH.USERNAME_TAKEN': 409,
  'AUTH.ALREADY_VERIFIED': 409,
  'AUTH.EXTERNAL_SIGN_IN_FAILED': 401,
  'AUTH.CLIENT_NOT_FOUND': 404,
  'AUTH.CLIENT_ID_TAKEN': 409,
  'AUTH.CLIENT_REVOKED': 409,
  'AUTH.TOO_MANY_ATTEMPTS': 429,
  'AUTH.PROVIDER_UNAVAILABLE': 503,
  'AUTH.BUSY': 503,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'IDEMPOTENCY.IN_PROGRESS': 409,
};

/** Maps an identity error to its HTTP answer; exported so a host-wide filter can reuse it. */
export function errorResponseFor(error: IdentityError): ErrorResponse {
  const status = STATUS_BY_CODE[error.code] ?? 500;
  const headers: Record<string, string> = {};
  const retryAfterSeconds = error.details['retryAfterSeconds'];
  if (typeof retryAfterSeconds === 'number') headers['Retry-After'] = String(retryAfterSeconds);
  if (error instanceof AuthenticationError) {
    // RFC 6750 §3: a request without a token gets the challenge without an error code.
    headers['WWW-Authenticate'] =
      error.code === 'AUTH.MISSING_TOKEN' ? 'Bearer' : `Bearer error="invalid_token", error_description="${error.code}"`;
  }
  const body: ErrorBody = {
    statusCode: status,
    code: error.code,
    message: error.message,
    ...(error instanceof ValidationFailedError ? { errors: error.errors } : fieldErrorsOf(error)),
  };
  return { status, body, headers };
}

/** Another error of this library that names the field at fault (an `Idempotency-Key` header) says so too. */
function fieldErrorsOf(error: IdentityError): { errors?: readonly FieldError[] } {
  const errors = error.details['errors'];
  return Array.isArray(errors) ? { errors: errors as FieldError[] } : {};
}
