import type { ConsumerProgress, ConsumerStateStore, EventBus, RunningConsumer } from '@gongzhi/messaging';
import type { ProjectionMetrics } from './projection-metrics';
import type { Projector } from './projector';

type AnyProjector = Projector<{ readonly eventId: string; readonly recordedAt?: string }>;

export interface ProjectionRunnerOptions {
  readonly bus: EventBus;
  readonly state: ConsumerStateStore;
  readonly metrics?: ProjectionMetrics;
  /** Rewinds a projector's sources to their start, where the bus keeps positions outside the database (Kafka). */
  readonly rewind?: (projector: AnyProjector) => Promise<void>;
  /** Tells how many events the sources hold now, for a rebuild's progress. */
  readonly countSourceEvents?: (projector: AnyProjector) => Promise<number>;
  readonly clock?: () => Date;
  readonly onError?: (projector: string, error: unknown) => void;
}

export interface RebuildProgress {
  readonly projector: string;
  readonly applied: number;
  readonly total: number | null;
}

/** Runs projectors on a bus, keeps their lag figures, and rebuilds a read model by replay. */
export class ProjectionRunner {
  private readonly running = new Map<string, { consumer: RunningConsumer; progress: Map<string, ConsumerProgress> }>();
  private readonly applied = new Map<string, number>();

  constructor(private readonly options: ProjectionRunnerOptions) {}

  async start(projector: AnyProjector): Promise<void> {
    if (this.running.has(projector.name)) return;
    const progress = new Map<string, ConsumerProgress>();
    const clock = this.options.clock ?? (() => new Date());
    const count = (n: number) => this.applied.set(projector.name, (this.applied.get(projector.name) ?? 0) + n);
    const counted: AnyProjector = {
      ...projector,
      handle: async (event, manager) => {
        await projector.handle(event, manager);
        count(1);
      },
      handleBatch: projector.handleBatch
        ? async (events, manager) => {
            await projector.handleBatch!(events, manager);
            count(events.length);
          }
        : undefined,
    };
    const consumer = await this.options.bus.start(counted, {
      state: this.options.state,
      onError: (error) => this.options.onError?.(projector.name, error),
      onProgress: (p) => {
        progress.set(p.source, p);
        this.options.metrics?.record(projector.name, p.source, p.lagEvents, p.lastRecordedAt, clock());
      },
    });
    this.running.set(projector.name, { consumer, progress });
  }

  async stop(name?: string): Promise<void> {
    const names = name ? [name] : [...this.running.keys()];
    for (const n of names) {
      await this.running.get(n)?.consumer.stop();
      this.running.delete(n);
    }
  }

  /** Events the projector has applied since this runner started it (a redelivery that the inbox absorbs is not counted). */
  appliedCount(name: string): number {
    return this.applied.get(name) ?? 0;
  }

  /**
   * Empties the read model, forgets the inbox and positions, replays every source from its start, and
   * resolves with the number of events applied once the projector has caught up.
   */
  async rebuild(projector: AnyProjector, onProgress?: (progress: RebuildProgress) => void, timeoutMs = 10 * 60_000): Promise<number> {
    await this.stop(projector.name);
    await this.options.state.transaction(async (manager) => {
      for (const entity of projector.entities) await manager.clear(entity);
      await this.options.state.reset(projector.name, manager);
    });
    await this.options.rewind?.(projector);
    const total = (await this.options.countSourceEvents?.(projector)) ?? null;
    this.applied.set(projector.name, 0);
    await this.start(projector);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const applied = this.appliedCount(projector.name);
      onProgress?.({ projector: projector.name, applied, total });
      // An empty topic never reports progress, so with nothing to replay there is nothing to wait for.
      if (total === 0) return applied;
      if (total !== null ? applied >= total && this.caughtUp(projector.name) : this.caughtUp(projector.name)) return applied;
      if (Date.now() > deadline) throw new Error(`Rebuild of ${projector.name} did not catch up within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** True once every source has reported and none is behind. */
  caughtUp(name: string): boolean {
    const progress = this.running.get(name)?.progress;
    return !!progress && progress.size > 0 && [...progress.values()].every((p) => p.lagEvents === 0);
  }
}
