import { inspect } from 'node:util';

/**
 * Runs `check` until it stops throwing — read models, consumers and timers follow a command a moment
 * later — and fails with its last error when `timeoutMs` is up.
 */
export async function eventuallyPasses<T>(check: () => Promise<T>, timeoutMs = 5_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}

/**
 * Polls `probe` until `until` holds for what it returns, and returns that value; fails naming the last value
 * when `timeoutMs` is up. Consumers on a real broker take seconds, hence the longer default.
 */
export function eventuallyReturns<T>(probe: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  return eventuallyPasses(
    async () => {
      const value = await probe();
      if (!until(value)) throw new Error(`still not there: ${inspect(value, { depth: 4 })}`);
      return value;
    },
    timeoutMs,
    everyMs,
  );
}

/** What {@link logConsumersCaughtUp} reads: a service's event log head and its consumers' saved positions. */
export interface LogProgress {
  readonly eventStore: { headPosition(): Promise<number> };
  readonly state: { position(consumer: string, source: string): Promise<number | null> };
}

/**
 * Waits until every named consumer has read `source` to the log's head. A reaction appends to the same log while
 * the consumers catch up (a verified entry becomes an award), so it waits again until a pass ends at the head it
 * started from.
 */
export async function logConsumersCaughtUp(service: LogProgress, source: string, consumers: readonly string[]): Promise<void> {
  for (let head = -1, next = await service.eventStore.headPosition(); next !== head; next = await service.eventStore.headPosition()) {
    head = next;
    for (const consumer of consumers)
      await eventuallyPasses(async () => {
        const position = (await service.state.position(consumer, source)) ?? 0;
        if (position < head) throw new Error(`${consumer} has read ${source} to ${position}, not yet to ${head}`);
      });
  }
}
