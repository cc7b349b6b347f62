import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_WINDOW_HOURS } from './idempotency-window';
import { IDEMPOTENT_OPTIONS, IdempotencyInterceptor, type IdempotentOptions } from './idempotency.interceptor';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-store';

/**
 * A command a client may send again (a report queued offline, a check-in after the signal came back): with an
 * `Idempotency-Key` header it runs once per key and caller, and every repeat gets the first answer. The
 * module of the controller provides the `IDEMPOTENCY_STORE`.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'An id the client makes once for this request (a UUID made on the device; 16–128 letters, digits, - _ . :). ' +
        `Sending the request again with the same key within ${IDEMPOTENCY_WINDOW_HOURS} hours runs it once and answers the first answer again ` +
        '(header `Idempotent-Replayed: true`); the same key with another body is refused (422 IDEMPOTENCY.KEY_REUSED); ' +
        'while the first is still running a repeat gets 409 IDEMPOTENCY.IN_PROGRESS with Retry-After. Keys are per caller.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{16,128}$' },
    }),
  );
}
