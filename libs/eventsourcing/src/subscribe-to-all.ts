import type { RecordedEvent } from './envelope';
import type { EventStore } from './event-store';

export interface SubscribeToAllOptions {
  /** Exclusive starting position, usually a stored checkpoint. */
  readonly after: number;
  /** Receives each batch in log order; the subscription moves past it only when this resolves. */
  readonly onEvents: (events: readonly RecordedEvent[]) => Promise<void> | void;
  readonly batchSize?: number;
  /** How long to wait for new events when caught up; local appends wake the tail at once. */
  readonly idleDelayMs?: number;
  /** Called when a batch handler or a read fails; the batch is retried after `retryDelayMs`. */
  readonly onError?: (error: unknown) => void;
  readonly retryDelayMs?: number;
}

export interface Subscription {
  /** The position of the last event handed over and acknowledged. */
  readonly position: number;
  /** Stops after the batch in hand is handled; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/** Tails the store's global log from a checkpoint, one batch at a time, at least once per event. */
export function subscribeToAll(store: EventStore, options: SubscribeToAllOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  const idleDelayMs = options.idleDelayMs ?? 50;
  const retryDelayMs = options.retryDelayMs ?? 500;
  let position = options.after;
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  const unsubscribe = store.onAppended?.(() => wake?.());

  const loop = (async () => {
    while (!stopped) {
      try {
        const events = await store.readAll({ after: position, limit: batchSize });
        if (events.length > 0) {
          await options.onEvents(events);
          position = events[events.length - 1].globalPosition;
        }
        if (events.length < batchSize && !stopped) await sleep(idleDelayMs);
      } catch (error) {
        options.onError?.(error);
        if (!stopped) await sleep(retryDelayMs);
      }
    }
  })();

  return {
    get position() {
      return position;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      unsubscribe?.();
    },
  };
}
