import { DomainError } from '@gongzhi/eventsourcing';

/** Every expected failure of this library; `IdentityErrorFilter` turns them into HTTP answers. */
export abstract class IdentityError extends DomainError {}

export type AuthenticationErrorCode = 'AUTH.MISSING_TOKEN' | 'AUTH.INVALID_TOKEN' | 'AUTH.TOKEN_EXPIRED';

/** No usable access token: missing, malformed, forged, for another audience, or expired (401). */
export class AuthenticationError extends IdentityError {
  constructor(code: AuthenticationErrorCode, message: string) {
    super(code, message);
  }

  static missingToken(): AuthenticationError {
    return new AuthenticationError('AUTH.MISSING_TOKEN', 'expects an "Authorization: Bearer <access token>" header');
  }
}

/** A valid principal without the role, scope or verification the action needs (403); the message names what is missing. */
export class ForbiddenError extends IdentityError {
  constructor(message: string) {
    super('AUTH.FORBIDDEN', message);
  }
}

/** The identity provider's keys could not be fetched: not the caller's fault (503). */
export class IdentityProviderUnavailableError extends IdentityError {
  constructor(cause: string) {
    super('AUTH.PROVIDER_UNAVAILABLE', `the identity provider cannot be reached to check the token: ${cause}`);
  }
}

export interface FieldError {
  /** Dotted path of the field at fault, e.g. `password` or `options.0.label`. */
  readonly path: string;
  readonly message: string;
}

/** A request that failed its schema (400); `errors` lists each field at fault. */
export class ValidationFailedError extends IdentityError {
  constructor(
    readonly errors: readonly FieldError[],
    message = `invalid request: ${errors.map((e) => e.path).join(', ')}`,
  ) {
    super('VALIDATION.FAILED', message, { errors });
  }
}
