import type { DataSource } from 'typeorm';
import { DomainError, type Clock, type EventStore } from '@gongzhi/eventsourcing';
import type { PublicEvent } from '@gongzhi/contracts';
import type { ConsumerStateStore, EventBus } from '@gongzhi/messaging';
import { ProjectionMetrics, ProjectionRunner, type RebuildProgress } from '@gongzhi/projections';
import { Registry } from 'prom-client';
import { DEFAULT_TIME_ZONE } from './figures/city-day';
import { DashboardChanges } from './live/dashboard-changes';
import { ReadCache } from './queries/read-cache';
import { dashboardProjectors, type DashboardProjector, type Figure } from './projectors';

/** What the dashboards run on. Embedded: SQLite and the in-process bus; distributed: PostgreSQL and Kafka. */
export interface DashboardsInfrastructure {
  /** The read database; it lists DASHBOARDS_ENTITIES and the messaging entities (inbox, positions, dead letters). */
  readonly dataSource: DataSource;
  readonly bus: EventBus;
  readonly state: ConsumerStateStore;
  readonly clock: Clock;
  /**
   * Topic → the store whose log is that topic, where the bus tails stores (embedded). Lets a rebuild wait
   * until every topic is replayed to its head, and gives a rebuild's progress its total.
   */
  readonly eventStores?: Readonly<Record<string, EventStore>>;
  /** The process's projection lag gauges (PlatformMetrics.projections); a private registry's otherwise. */
  readonly projectionMetrics?: ProjectionMetrics;
  /** Rewinds a projector's consumer group to the start of its topics, where the bus keeps positions (Kafka). */
  readonly rewind?: (projector: DashboardProjector) => Promise<void>;
  /** IANA time zone of the city's calendar days; Asia/Shanghai by default. */
  readonly timeZone?: string;
  /** Least time between two live "changed" messages; 500 ms by default. */
  readonly liveIntervalMs?: number;
  /** Start the projectors with the module (default true); a rebuild tool starts them itself. */
  readonly startProjectors?: boolean;
}

export interface SourceLag {
  readonly source: string;
  readonly lagEvents: number;
  readonly lastRecordedAt: string | null;
}

export interface ProjectorStatus {
  readonly name: string;
  readonly topics: readonly string[];
  readonly running: boolean;
  readonly caughtUp: boolean;
  readonly lagEvents: number;
  readonly lagSeconds: number;
  readonly appliedSinceStart: number;
  readonly sources: readonly SourceLag[];
}

/** The dashboards' projectors on their runner: start, stop, lag, rebuild; and the live change feed. */
export class DashboardProjections {
  readonly projectors: readonly DashboardProjector[];
  readonly runner: ProjectionRunner;
  readonly changes: DashboardChanges;
  /** Reads that are the same for every reader, kept until the live stream says figures moved (at most every 500 ms). */
  readonly reads: ReadCache;
  readonly timeZone: string;
  private readonly metrics: ProjectionMetrics;
  private readonly movedInBatch = new Map<string, Set<Figure>>();
  private readonly lag = new Map<string, Map<string, SourceLag>>();
  private readonly running = new Set<string>();

  constructor(private readonly infrastructure: DashboardsInfrastructure) {
    this.timeZone = infrastructure.timeZone ?? DEFAULT_TIME_ZONE;
    const clock = () => infrastructure.clock.now();
    this.changes = new DashboardChanges(infrastructure.liveIntervalMs ?? 500, clock);
    this.reads = new ReadCache(() => clock().getTime());
    // Subscribed before any live stream: a dashboard told that figures moved never refetches the old ones.
    this.changes.changes.subscribe(() => this.reads.invalidate());
    this.metrics = infrastructure.projectionMetrics ?? new ProjectionMetrics(new Registry());
    // Each projector notes which figures its events move; the batch is committed when the bus reports
    // progress (after the transaction), and only then does the live stream hear of it.
    this.projectors = dashboardProjectors({ timeZone: this.timeZone }).map((projector) => {
      const note = (events: readonly PublicEvent[]) => {
        const moved = this.movedInBatch.get(projector.name) ?? new Set<Figure>();
        for (const event of events) projector.figuresOf(event).forEach((f) => moved.add(f));
        this.movedInBatch.set(projector.name, moved);
      };
      const handleBatch = projector.handleBatch?.bind(projector);
      return {
        ...projector,
        handle: async (event, manager) => {
          await projector.handle(event, manager);
          note([event]);
        },
        handleBatch:
          handleBatch &&
          (async (events, manager) => {
            await handleBatch(events, manager);
            note(events);
          }),
      };
    });
    const metrics = this.metrics;
    const afterBatch: ProjectionMetrics = {
      lagEvents: metrics.lagEvents,
      lagSeconds: metrics.lagSeconds,
      record: (projector, source, lagEvents, lastRecordedAt, now) => {
        metrics.record(projector, source, lagEvents, lastRecordedAt, now);
        const sources = this.lag.get(projector) ?? new Map<string, SourceLag>();
        sources.set(source, { source, lagEvents, lastRecordedAt });
        this.lag.set(projector, sources);
        const moved = this.movedInBatch.get(projector);
        if (moved?.size) {
          this.movedInBatch.delete(projector);
          this.changes.moved(moved);
        }
      },
    };
    this.runner = new ProjectionRunner({
      bus: infrastructure.bus,
      state: infrastructure.state,
      metrics: afterBatch,
      clock,
      rewind: infrastructure.rewind as ((projector: unknown) => Promise<void>) | undefined,
      // Known in the embedded mode: a rebuild of topics that hold nothing answers at once.
      countSourceEvents: infrastructure.eventStores
        ? async (projector) => (await this.sourceEvents(projector as DashboardProjector)) ?? 0
        : undefined,
    });
  }

  get dataSource(): DataSource {
    return this.infrastructure.dataSource;
  }

  now(): Date {
    return this.infrastructure.clock.now();
  }

  projector(name: string): DashboardProjector | undefined {
    return this.projectors.find((p) => p.name === name);
  }

  /** All at once: each start waits on the broker, and a restarted process serves sooner when they overlap. */
  async start(): Promise<void> {
    await Promise.all(
      this.projectors.map(async (projector) => {
        await this.runner.start(projector);
        this.running.add(projector.name);
      }),
    );
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    this.running.clear();
  }

  close(): void {
    this.changes.close();
  }

  /**
   * Empties the projector's read model and replays its topics from the start; resolves with the number
   * of events applied once it has caught up. `onProgress` gets a total where the stores are known.
   */
  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<number> {
    const projector = this.projector(name);
    if (!projector)
      throw new UnknownProjectorError(
        name,
        this.projectors.map((p) => p.name),
      );
    const total = await this.sourceEvents(projector);
    this.lag.delete(name);
    this.movedInBatch.delete(name);
    this.reads.invalidate();
    await this.runner.rebuild(projector, (progress) => onProgress?.({ ...progress, total }));
    this.running.add(name);
    await this.untilReplayed(projector);
    const applied = this.runner.appliedCount(name);
    onProgress?.({ projector: name, applied, total });
    this.reads.invalidate();
    this.changes.moved(projector.figures);
    return applied;
  }

  /**
   * Rebuilds the named projectors (all of them by default) side by side rather than one after another: each has
   * its own tables, inbox rows and positions, so none waits on another, and the read database works on one
   * projector's statements while this process folds another's events. `onProgress` gets the sum over them;
   * `onRebuilt` hears of each as it finishes. Resolves with the events each applied.
   */
  async rebuildAll(
    names: readonly string[] = this.projectors.map((p) => p.name),
    onProgress?: (progress: RebuildProgress) => void,
    onRebuilt?: (name: string, applied: number) => void,
  ): Promise<Record<string, number>> {
    const latest = new Map<string, RebuildProgress>();
    const report = (progress: RebuildProgress) => {
      latest.set(progress.projector, progress);
      if (!onProgress) return;
      const all = [...latest.values()];
      const totals = all.map((p) => p.total);
      onProgress({
        projector: names.length === 1 ? names[0] : `${names.length} projectors`,
        applied: all.reduce((n, p) => n + p.applied, 0),
        total: latest.size === names.length && totals.every((t) => t !== null) ? totals.reduce((n, t) => n! + t!, 0) : null,
      });
    };
    const applied = await Promise.all(
      names.map(async (name) => {
        const count = await this.rebuild(name, report);
        onRebuilt?.(name, count);
        return [name, count] as const;
      }),
    );
    return Object.fromEntries(applied);
  }

  /** Resolves once every projector has applied its topics up to their heads (where the stores are known). */
  async whenCaughtUp(timeoutMs?: number): Promise<void> {
    for (const projector of this.projectors) await this.untilReplayed(projector, timeoutMs);
  }

  /** Lag per projector, as the buses last reported it. */
  status(): ProjectorStatus[] {
    const now = this.infrastructure.clock.now().getTime();
    return this.projectors.map((projector) => {
      const sources = [...(this.lag.get(projector.name)?.values() ?? [])].sort((a, b) => a.source.localeCompare(b.source));
      const lagEvents = sources.reduce((n, s) => n + s.lagEvents, 0);
      const oldest = sources.filter((s) => s.lagEvents > 0 && s.lastRecordedAt).map((s) => Date.parse(s.lastRecordedAt!));
      return {
        name: projector.name,
        topics: projector.topics,
        running: this.running.has(projector.name),
        caughtUp: this.runner.caughtUp(projector.name),
        lagEvents,
        lagSeconds: oldest.length === 0 ? 0 : Math.max(0, (now - Math.min(...oldest)) / 1000),
        appliedSinceStart: this.runner.appliedCount(projector.name),
        sources,
      };
    });
  }

  /** Events in the projector's topics, where the stores are known (embedded); null otherwise. */
  private async sourceEvents(projector: DashboardProjector): Promise<number | null> {
    const stores = this.infrastructure.eventStores;
    if (!stores) return null;
    let total = 0;
    for (const topic of projector.topics) total += (await stores[topic]?.headPosition()) ?? 0;
    return total;
  }

  /**
   * The runner calls a projector caught up once the sources that reported are; with several topics one
   * may not have reported yet. Where the stores are known, wait until each topic is replayed to its head.
   */
  private async untilReplayed(projector: DashboardProjector, timeoutMs = 10 * 60_000): Promise<void> {
    const stores = this.infrastructure.eventStores;
    if (!stores) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let behind = false;
      for (const topic of projector.topics) {
        const store = stores[topic];
        if (!store) continue;
        const head = await store.headPosition();
        const position = (await this.infrastructure.state.position(projector.name, `log:${topic}`)) ?? 0;
        if (position < head) behind = true;
      }
      if (!behind) return;
      if (Date.now() > deadline)
        throw new Error(`Rebuild of ${projector.name} did not reach the head of its topics within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** `DASHBOARDS.PROJECTOR_NOT_FOUND`: the platform's error filter answers it 404. */
export class UnknownProjectorError extends DomainError {
  constructor(name: string, known: readonly string[]) {
    super('DASHBOARDS.PROJECTOR_NOT_FOUND', `No projector is called ${name}; the dashboards have ${known.join(', ')}`, {
      projector: name,
      known,
    });
  }
}
