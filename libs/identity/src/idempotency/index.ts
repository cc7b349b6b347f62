export * from './idempotency-store';
export * from './idempotency-errors';
export * from './idempotency-window';
export { IdempotencyInterceptor, type IdempotentOptions, type IdempotentRequest } from './idempotency.interceptor';
export { Idempotent } from './idempotent.decorator';
