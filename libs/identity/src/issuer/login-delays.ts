import type { Clock } from '../clock';

const SWEEP_ABOVE_KEYS = 10_000;

export interface LoginDelaySettings {
  /** Failures in a row that cost nothing (typos). */
  readonly freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure … */
  readonly firstDelaySeconds: number;
  /** … up to this. */
  readonly maxDelaySeconds: number;
}

/**
 * Growing delays after failed logins, kept per username *and* client address. A stranger who guesses
 * at the admin's password slows only themselves: the admin, from their own address, is never
 * locked out (a lock per account was a button anyone could press). Unknown usernames are delayed
 * the same way, so the delays do not tell which usernames exist.
 */
export class LoginDelays {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(
    private readonly settings: LoginDelaySettings,
    private readonly clock: Clock,
  ) {}

  /** Seconds to wait before this key may try again; 0 when it may try now. */
  waitSeconds(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const readyAt = entry.lastAt + this.delayAfter(entry.count) * 1000;
    return Math.max(0, Math.ceil((readyAt - this.clock.now().getTime()) / 1000));
  }

  recordFailure(key: string): void {
    const now = this.clock.now().getTime();
    if (this.failures.size > SWEEP_ABOVE_KEYS) this.sweep(now);
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    this.failures.set(key, { count, lastAt: now });
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private delayAfter(failures: number): number {
    const { freeFailures, firstDelaySeconds, maxDelaySeconds } = this.settings;
    if (failures <= freeFailures) return 0;
    return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** (failures - freeFailures - 1));
  }

  /** Forgets keys whose longest possible delay has passed; a forgotten key starts over with free failures. */
  private sweep(now: number): void {
    for (const [key, { lastAt }] of this.failures) {
      if (lastAt + this.settings.maxDelaySeconds * 1000 <= now) this.failures.delete(key);
    }
  }
}

export const LOGIN_DELAYS = Symbol('LOGIN_DELAYS');
