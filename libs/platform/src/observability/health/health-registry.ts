import type { OnApplicationShutdown } from '@nestjs/common';

/** One dependency readiness depends on: `check()` resolves when it answers, rejects (with why) when it does not. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<void>;
  /**
   * Reported on `/health` and in `gongzhi_dependency_up`, but not part of readiness: the process takes
   * commands without it (Kafka: the event store is the outbox, the relay catches up when the broker is back).
   */
  readonly informational?: boolean;
  /** Releases what the indicator holds (a client connection); called at shutdown. */
  close?(): Promise<void>;
}

export type CheckStatus = { readonly status: 'up' } | { readonly status: 'down'; readonly error: string };

export interface Readiness {
  readonly status: 'ready' | 'not ready';
  readonly checks: Readonly<Record<string, CheckStatus>>;
}

/** Under the probes' one-second timeout, so a slow dependency answers "down" rather than failing the probe. */
export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 800;

/**
 * The checks `/health/ready` runs. Each module registers its dependencies when it starts:
 *
 *   constructor(health: HealthRegistry, @Inject(EVENT_STORE) store: EventStore) {
 *     health.register(eventStoreIndicator(store));
 *   }
 */
export class HealthRegistry implements OnApplicationShutdown {
  private readonly indicators = new Map<string, HealthIndicator>();

  constructor(private readonly timeoutMs: number = DEFAULT_HEALTH_CHECK_TIMEOUT_MS) {}

  register(indicator: HealthIndicator): void;
  register(name: string, check: () => Promise<void>): void;
  register(indicatorOrName: HealthIndicator | string, check?: () => Promise<void>): void {
    const indicator = typeof indicatorOrName === 'string' ? { name: indicatorOrName, check: check! } : indicatorOrName;
    if (this.indicators.has(indicator.name)) {
      throw new Error(`A health check named "${indicator.name}" is registered already; give each dependency its own name`);
    }
    this.indicators.set(indicator.name, indicator);
  }

  get names(): readonly string[] {
    return [...this.indicators.keys()];
  }

  /** Called with every check's outcome (the metrics' gauge). */
  onChecked?: (name: string, up: boolean) => void;

  /** Runs every readiness check at once, each within the timeout, so a hung dependency answers "down", not never. */
  async readiness(): Promise<Readiness> {
    const results = await this.run((indicator) => !indicator.informational);
    const checks = Object.fromEntries(results);
    return { status: results.every(([, check]) => check.status === 'up') ? 'ready' : 'not ready', checks };
  }

  /** The dependencies the process can work without for a while, and whether they answer now. */
  async dependencies(): Promise<Readonly<Record<string, CheckStatus>>> {
    return Object.fromEntries(await this.run((indicator) => indicator.informational === true));
  }

  private run(which: (indicator: HealthIndicator) => boolean): Promise<[string, CheckStatus][]> {
    return Promise.all(
      [...this.indicators.values()].filter(which).map(async (indicator): Promise<[string, CheckStatus]> => {
        try {
          await withTimeout(indicator.check(), this.timeoutMs);
          this.onChecked?.(indicator.name, true);
          return [indicator.name, { status: 'up' }];
        } catch (error) {
          this.onChecked?.(indicator.name, false);
          return [indicator.name, { status: 'down', error: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.indicators.values()].map((indicator) => indicator.close?.()));
  }
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
