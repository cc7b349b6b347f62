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
  /**
   * When set, each poll that finds nothing doubles the wait, up to this, so an idle process stops polling its
   * database many times a second; any event found, and any local append, brings the wait back to `idleDelayMs`.
   */
  readonly maxIdleDelayMs?: number;
  /**
   * How long a tail woken by a local append waits for more before it reads (0, the default: it reads at once).
   * Appends that come close together are then handed over as one batch, so a consumer applies them in one
   * transaction instead of one transaction each; the price is at most this much more lag.
   */
  readonly wakeLingerMs?: number;
  /**
   * When set (above `wakeLingerMs`), a linger that gathered several appends doubles the next one, up to this: a tail
   * whose appends keep coming (a busy city) applies them in fewer, larger transactions, while one append after a quiet
   * spell is still handed over after `wakeLingerMs`. A linger that gathers a single append starts again from there.
   */
  readonly maxWakeLingerMs?: number;
  /** Called when a batch handler or a read fails; the batch is retried after `retryDelayMs`. */
  readonly onError?: (error: unknown) => void;
  readonly retryDelayMs?: number;
}

export interface Subscription {
  /** The position of the last event handed over and acknowledged. */
  readonly position: number;
  /** Stops after the batch in hand is handled; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Ends a woken tail's linger for more appends, so it reads at once (an idle tail goes on waiting). */
  hurry(): void;
}

/** Tails the store's global log from a checkpoint, one batch at a time, at least once per event. */
export function subscribeToAll(store: EventStore, options: SubscribeToAllOptions): Subscription {
  return tailLog({
    ...options,
    read: (after, limit) => store.readAll({ after, limit }),
    wakeOn: store.onAppended && ((listener) => store.onAppended!(listener)),
  });
}

export interface TailLogOptions<Item extends { readonly globalPosition: number }> extends Omit<SubscribeToAllOptions, 'onEvents'> {
  /** Reads up to `limit` items after a position, in log order. */
  readonly read: (after: number, limit: number) => Promise<readonly Item[]>;
  readonly onEvents: (items: readonly Item[]) => Promise<void> | void;
  /** Lets local appends wake the tail before its next poll. */
  readonly wakeOn?: (listener: () => void) => () => void;
}

/** The tail loop itself, over any reading of the global log (whole events, or events already serialised). */
export function tailLog<Item extends { readonly globalPosition: number }>(options: TailLogOptions<Item>): Subscription {
  const batchSize = options.batchSize ?? 500;
  const idleDelayMs = options.idleDelayMs ?? 50;
  const maxIdleDelayMs = Math.max(idleDelayMs, options.maxIdleDelayMs ?? idleDelayMs);
  let nextIdleDelayMs = idleDelayMs;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const wakeLingerMs = options.wakeLingerMs ?? 0;
  const maxWakeLingerMs = Math.max(wakeLingerMs, options.maxWakeLingerMs ?? wakeLingerMs);
  /** The next linger: `wakeLingerMs`, doubled after each read that found appends gathered close together. */
  let lingerMs = wakeLingerMs;
  /** Appends announced since the last read began. */
  let appends = 0;
  let position = options.after;
  let stopped = false;
  let wake: (() => void) | undefined;
  /** Moves the current sleep's end to `ms` from now. */
  let endIn: ((ms: number) => void) | undefined;
  /** A wake that came while the tail was reading: what it announced may be after the read, so look again at once. */
  let wokenWhileReading = false;
  /** Whether the current wait is a woken tail's linger for more appends (what `hurry` cuts short). */
  let lingering = false;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      let timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        lingering = false;
        wake = undefined;
        endIn = undefined;
        resolve();
      }
      wake = done;
      endIn = (later: number) => {
        clearTimeout(timer);
        timer = setTimeout(done, later);
      };
    });
  const unsubscribe = options.wakeOn?.(() => {
    nextIdleDelayMs = idleDelayMs;
    appends++;
    if (!wake) wokenWhileReading = true;
    else if (wakeLingerMs > 0) {
      // The first append of a wait starts the linger (later ones in it are gathered); in a busy spell the linger may
      // outlast the idle wait it interrupts.
      if (!lingering) endIn?.(lingerMs);
      lingering = true;
    } else wake();
  });

  /**
   * After a full page the log likely holds more: the next page is read while this one is handled, so a tail that
   * replays a long log waits on neither its reads nor its handler alone. It is used only if the tail stands where
   * that read began (a failed batch is read again from its own start).
   */
  let ahead: { readonly after: number; readonly items: Promise<readonly Item[]> } | undefined;
  const readFrom = (after: number): Promise<readonly Item[]> => {
    const next = ahead;
    ahead = undefined;
    return next && next.after === after ? next.items : options.read(after, batchSize);
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        wokenWhileReading = false;
        lingerMs = appends > 1 ? Math.min(maxWakeLingerMs, lingerMs * 2) : wakeLingerMs;
        appends = 0;
        const items = await readFrom(position);
        if (items.length === batchSize) {
          const after = items[items.length - 1].globalPosition;
          ahead = { after, items: options.read(after, batchSize) };
          ahead.items.catch(() => undefined); // a failed read ahead is read again, and reported then
        }
        if (items.length > 0) {
          await options.onEvents(items);
          position = items[items.length - 1].globalPosition;
          nextIdleDelayMs = idleDelayMs;
        }
        if (items.length < batchSize && !stopped) {
          if (!wokenWhileReading) {
            const delay = nextIdleDelayMs;
            if (items.length === 0) nextIdleDelayMs = Math.min(maxIdleDelayMs, nextIdleDelayMs * 2);
            await sleep(delay);
          } else if (wakeLingerMs > 0) {
            const linger = sleep(lingerMs);
            lingering = true;
            await linger;
          }
        }
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
    hurry() {
      if (lingering) wake?.();
    },
  };
}
