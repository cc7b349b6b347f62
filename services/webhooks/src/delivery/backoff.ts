/** Attempts per delivery, the first included; after the last failure the delivery is dead-lettered. */
export const MAX_DELIVERY_ATTEMPTS = 8;

const FIRST_RETRY_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 4 * 60 * 60;

/**
 * How long to wait after the `failedAttempts`-th failure before the next attempt: 30 s, doubling each time
 * (1 min, 2 min … 32 min after the seventh), never more than 4 hours; `null` once the bound is reached.
 * A receiver that is down for an afternoon still gets everything; one that is gone stops costing us.
 */
export function nextAttemptDelaySeconds(failedAttempts: number): number | null {
  if (failedAttempts < 1) throw new Error('A retry follows a failed attempt');
  if (failedAttempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_RETRY_SECONDS * 2 ** (failedAttempts - 1));
}
