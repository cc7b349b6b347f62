import { ConcurrencyConflictError, DomainError } from '@gongzhi/eventsourcing';
import { InMemoryEventStore } from '@gongzhi/testing';
import { Registry } from 'prom-client';
import { PlatformMetrics } from './platform-metrics';

async function valueOf(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values.find((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))?.value;
}

describe('PlatformMetrics', () => {
  let registry: Registry;
  let metrics: PlatformMetrics;

  beforeEach(() => {
    registry = new Registry();
    metrics = new PlatformMetrics(registry);
  });

  it('counts commands by outcome and passes their result or error through', async () => {
    await expect(metrics.trackCommand('CloseCase', async () => 'closed')).resolves.toBe('closed');
    const rejection = new DomainError('CASE.ALREADY_CLOSED', 'closed');
    await expect(metrics.trackCommand('CloseCase', () => Promise.reject(rejection))).rejects.toBe(rejection);
    await expect(metrics.trackCommand('CloseCase', () => Promise.reject(new ConcurrencyConflictError('case-1', 3)))).rejects.toThrow();
    await expect(metrics.trackCommand('CloseCase', () => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');

    for (const outcome of ['ok', 'rejected', 'conflict', 'error']) {
      expect(await valueOf(registry, 'gongzhi_commands_total', { command: 'CloseCase', outcome })).toBe(1);
    }
  });

  it('counts the events a store really writes, by service and type', async () => {
    const store = metrics.countAppends('grid-events', new InMemoryEventStore());
    const reported = { eventId: '0190a5f0-0000-7000-8000-000000000001', type: 'CaseReported', data: {} };

    await store.appendToStream('case-1', [reported, { type: 'CaseAccepted', data: {} }]);
    await store.appendToStream('case-1', [reported]);

    expect(await valueOf(registry, 'gongzhi_events_appended_total', { service: 'grid-events', type: 'CaseReported' })).toBe(1);
    expect(await valueOf(registry, 'gongzhi_events_appended_total', { service: 'grid-events', type: 'CaseAccepted' })).toBe(1);
    expect(await store.headPosition()).toBe(2);
  });

  it("reports a relay's lag behind its store when scraped", async () => {
    const store = new InMemoryEventStore();
    const relay = { position: 1 };
    metrics.trackRelay('points', { store, relay });
    await store.appendToStream('points-r1', [
      { type: 'PointsAwarded', data: {} },
      { type: 'PointsAwarded', data: {} },
    ]);

    expect(await valueOf(registry, 'gongzhi_relay_lag_events', { service: 'points' })).toBe(1);
    relay.position = 2;
    expect(await valueOf(registry, 'gongzhi_relay_lag_events', { service: 'points' })).toBe(0);
  });

  it("holds the projectors' lag gauges in the same registry", async () => {
    metrics.projections.record('case-sla', 'grid-events', 5, null, new Date('2026-11-26T09:00:00.000Z'));

    expect(await valueOf(registry, 'gongzhi_projection_lag_events', { projector: 'case-sla', source: 'grid-events' })).toBe(5);
  });
});
