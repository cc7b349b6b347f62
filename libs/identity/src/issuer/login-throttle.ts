import type { Clock } from '../clock';

const WINDOW_MS = 60_000;
const SWEEP_ABOVE_KEYS = 10_000;

/**
 * At most `limit` login attempts per key in any sliding minute: per username and address, and per
 * address across all usernames (rotating usernames buys nothing). Kept in memory.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly clock: Clock,
  ) {}

  /** Records an attempt, or answers how many seconds to wait when the key is over its limit. */
  attempt(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock.now().getTime();
    if (this.attempts.size > SWEEP_ABOVE_KEYS) this.sweep(now);
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000)) };
    }
    recent.push(now);
    this.attempts.set(key, recent);
    return { allowed: true };
  }

  /** Gives back the latest attempt of the key: a successful login does not count against its address. */
  release(key: string): void {
    const recent = this.attempts.get(key);
    if (recent && recent.length > 0) recent.pop();
  }

  private sweep(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times[times.length - 1] <= now - WINDOW_MS) this.attempts.delete(key);
    }
  }
}

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');
export const ADDRESS_LOGIN_THROTTLE = Symbol('ADDRESS_LOGIN_THROTTLE');
