import { ConcurrencyConflictError, DomainError, WrongExpectedVersionError, type EventStore, type NewEvent } from '@gongzhi/eventsourcing';
import { ProjectionMetrics } from '@gongzhi/projections';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export const COMMAND_OUTCOMES = ['ok', 'rejected', 'conflict', 'error'] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];

/**
 * How a command ended: `rejected` when a rule of the domain said no (any DomainError), `conflict`
 * when concurrent writers won every retry, `error` for anything unexpected.
 */
export function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof ConcurrencyConflictError || error instanceof WrongExpectedVersionError) return 'conflict';
  if (error instanceof DomainError) return 'rejected';
  return 'error';
}

/** Where a relay stands against its store: lag = the store's head minus the relay's position. */
export interface RelayProgress {
  readonly store: Pick<EventStore, 'headPosition'>;
  readonly relay: { readonly position: number };
}

/**
 * The platform's Prometheus metrics, in the process's registry. Projector lag is `projections`
 * (`ProjectionMetrics` of @gongzhi/projections), handed to each `ProjectionRunner`.
 */
export class PlatformMetrics {
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly commands: Counter<'command' | 'outcome'>;
  readonly eventsAppended: Counter<'service' | 'type'>;
  readonly relayLag: Gauge<'service'>;
  /** 1 when a dependency answered its last health check, 0 when not (Kafka included, which readiness leaves out). */
  readonly dependencyUp: Gauge<'dependency'>;
  readonly projections: ProjectionMetrics;
  private readonly relays = new Map<string, RelayProgress>();

  constructor(registry: Registry) {
    this.httpRequestDuration = new Histogram({
      name: 'gongzhi_http_request_duration_seconds',
      help: 'HTTP requests by method, route template (not the raw URL) and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.dependencyUp = new Gauge({
      name: 'gongzhi_dependency_up',
      help: 'Whether a dependency answered its last health check (1) or not (0), by check name (store:…, readDb:…, bus:…)',
      labelNames: ['dependency'],
      registers: [registry],
    });
    this.commands = new Counter({
      name: 'gongzhi_commands_total',
      help: 'Commands handled, by command and outcome (ok, rejected, conflict, error)',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    });
    this.eventsAppended = new Counter({
      name: 'gongzhi_events_appended_total',
      help: 'Events written to the event store, by service and event type',
      labelNames: ['service', 'type'],
      registers: [registry],
    });
    const relays = this.relays;
    this.relayLag = new Gauge({
      name: 'gongzhi_relay_lag_events',
      help: "Events in a service's store that its relay has not published yet",
      labelNames: ['service'],
      registers: [registry],
      // Measured when scraped, so the figure is never older than the scrape.
      async collect() {
        await Promise.all(
          [...relays].map(async ([service, { store, relay }]) => {
            const head = await store.headPosition().catch(() => undefined);
            if (head !== undefined) this.set({ service }, Math.max(0, head - relay.position));
          }),
        );
      },
    });
    this.projections = new ProjectionMetrics(registry);
  }

  /**
   * Runs a command and counts it by outcome: `metrics.trackCommand('ReportCase', () => handleCommand(…))`.
   * The command's own result or error passes through unchanged.
   */
  async trackCommand<Result>(command: string, run: () => Promise<Result>): Promise<Result> {
    try {
      const result = await run();
      this.commands.inc({ command, outcome: 'ok' });
      return result;
    } catch (error) {
      this.commands.inc({ command, outcome: outcomeOf(error) });
      throw error;
    }
  }

  /** Reports `gongzhi_relay_lag_events{service}` for a running relay from now on. */
  trackRelay(service: string, progress: RelayProgress): void {
    this.relays.set(service, progress);
  }

  /**
   * The store, counting every event it really writes (a repeated append of stored event ids counts
   * nothing) in `gongzhi_events_appended_total{service,type}`.
   */
  countAppends<Store extends EventStore>(service: string, store: Store): Store {
    const counter = this.eventsAppended;
    return new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') {
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (streamId: string, events: readonly NewEvent[], options?: Parameters<EventStore['appendToStream']>[2]) => {
          const result = await target.appendToStream(streamId, events, options);
          // An append is all or nothing: either every event was new, or every one had been stored before.
          if (result.written > 0) for (const event of events) counter.inc({ service, type: event.type });
          return result;
        };
      },
    });
  }
}
