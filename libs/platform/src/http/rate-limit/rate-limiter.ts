const SWEEP_ABOVE_KEYS = 20_000;

/**
 * Fixed one-minute windows per key, in memory. Each process counts its own: behind several
 * replicas the budget is per replica, which still bounds a flood.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request against every key; refused (and counted nowhere) when one key is over `limit`. */
  take(keys: readonly string[], limit: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    if (this.windows.size > SWEEP_ABOVE_KEYS) this.sweep(now);
    const current = keys.map((key) => {
      const window = this.windows.get(key);
      return window && window.startedAt + this.windowMs > now ? window : { startedAt: now, count: 0 };
    });
    const full = current.filter((window) => window.count >= limit);
    if (full.length > 0) {
      const endsAt = Math.max(...full.map((window) => window.startedAt + this.windowMs));
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) };
    }
    keys.forEach((key, index) => this.windows.set(key, { ...current[index], count: current[index].count + 1 }));
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.startedAt + this.windowMs <= now) this.windows.delete(key);
  }
}
