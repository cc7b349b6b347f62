import { IdentityError } from '../errors';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-store';

/** The key was first used for another request (another body or route): its answer is not this one's (422). */
export class IdempotencyKeyReusedError extends IdentityError {
  constructor() {
    const message = 'this Idempotency-Key was already used for a different request; make a new key for a new request';
    super('IDEMPOTENCY.KEY_REUSED', message, { errors: [{ path: IDEMPOTENCY_KEY_HEADER, message }] });
  }
}

/** A request with this key is still running: ask again in a moment for its answer (409, Retry-After). */
export class IdempotentRequestInProgressError extends IdentityError {
  constructor() {
    const message = 'a request with this Idempotency-Key is still being handled; send it again in a moment';
    super('IDEMPOTENCY.IN_PROGRESS', message, { errors: [{ path: IDEMPOTENCY_KEY_HEADER, message }], retryAfterSeconds: 1 });
  }
}
