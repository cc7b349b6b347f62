import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '@gongzhi/identity';

/** What the platform knows about the unit of work in progress: an HTTP request, or a message being handled. */
export interface RequestContext {
  /** Ties together the request, the events it causes, their Kafka messages and every log line on the way. */
  readonly correlationId: string;
  /** Who is calling, once the AuthGuard has checked the token. */
  readonly principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * The correlation id of the request or message in progress, for `CommandMetadata.correlationId`:
 * `commandMetadataFor(principal, clock.now(), { correlationId: currentCorrelationId() })`.
 */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/**
 * Runs `work` with `context` as the current one. Consumers call it with the correlation id of the
 * event they handle, so the commands and log lines it causes carry it on.
 */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}
