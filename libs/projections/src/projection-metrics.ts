import { Gauge, type Registry } from 'prom-client';

/** Lag per projector, as Prometheus gauges: events behind and seconds behind the newest event it handled. */
export class ProjectionMetrics {
  readonly lagEvents: Gauge<'projector' | 'source'>;
  readonly lagSeconds: Gauge<'projector'>;

  constructor(registry: Registry) {
    this.lagEvents = new Gauge({
      name: 'gongzhi_projection_lag_events',
      help: 'Events in a source that a projector has not handled yet',
      labelNames: ['projector', 'source'],
      registers: [registry],
    });
    this.lagSeconds = new Gauge({
      name: 'gongzhi_projection_lag_seconds',
      help: 'Seconds between now and the recording of the last event a projector handled, while it is behind',
      labelNames: ['projector'],
      registers: [registry],
    });
  }

  record(projector: string, source: string, lagEvents: number, lastRecordedAt: string | null, now: Date): void {
    this.lagEvents.set({ projector, source }, lagEvents);
    const seconds = lagEvents > 0 && lastRecordedAt ? Math.max(0, (now.getTime() - Date.parse(lastRecordedAt)) / 1000) : 0;
    this.lagSeconds.set({ projector }, seconds);
  }
}
