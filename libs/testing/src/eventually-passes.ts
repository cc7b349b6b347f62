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
