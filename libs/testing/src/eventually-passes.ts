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
