import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SERVICE_NAMES, TOPICS } from '@gongzhi/contracts';
import { ManualClock, type EventStore } from '@gongzhi/eventsourcing';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { ConsumerStateStore, InProcessEventBus, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { DashboardProjections, type DashboardsInfrastructure } from '../dashboard-projections';
import { DASHBOARDS_ENTITIES } from '../read-models';
import { CityScenario } from './city-scenario';
import { platformDataSource } from '@gongzhi/persistence';

export interface EmbeddedDashboards {
  readonly clock: ManualClock;
  readonly stores: Readonly<Record<string, EventStore>>;
  readonly infrastructure: DashboardsInfrastructure;
  readonly city: CityScenario;
  /** Projections on the infrastructure (not started): tests start them, or hand the infrastructure to a module. */
  readonly projections: DashboardProjections;
  close(): Promise<void>;
}

/**
 * The embedded stack of the dashboards for tests: an SQLite event store per service (the topics), the
 * in-process bus over their logs, and a read database — SQLite, or the PostgreSQL at `readDatabaseUrl`.
 */
export async function openEmbeddedDashboards(
  options: { readDatabaseUrl?: string; liveIntervalMs?: number } = {},
): Promise<EmbeddedDashboards> {
  const clock = new ManualClock(new Date('2026-11-26T01:00:00.000Z'));
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-dashboards-'));
  const stores = Object.fromEntries(
    SERVICE_NAMES.map((service) => [
      TOPICS[service],
      SqliteEventStore.open(join(dir, `${service}.events.sqlite`), { clock: () => clock.now() }),
    ]),
  ) as Record<string, EventStore>;
  const entities = [...MESSAGING_ENTITIES, ...DASHBOARDS_ENTITIES];
  const dataSource = await platformDataSource(
    options.readDatabaseUrl
      ? { type: 'postgres', url: options.readDatabaseUrl, entities, synchronize: true }
      : { type: 'better-sqlite3', database: join(dir, 'dashboards.sqlite'), entities, synchronize: true },
  ).initialize();
  const infrastructure: DashboardsInfrastructure = {
    dataSource,
    bus: new InProcessEventBus({ topics: stores, idleDelayMs: 5 }),
    state: new ConsumerStateStore(dataSource, () => clock.now()),
    clock,
    eventStores: stores,
    liveIntervalMs: options.liveIntervalMs ?? 50,
  };
  const projections = new DashboardProjections(infrastructure);
  return {
    clock,
    stores,
    infrastructure,
    city: new CityScenario(stores, clock),
    projections,
    async close() {
      await projections.stop();
      projections.close();
      await dataSource.destroy();
      for (const store of Object.values(stores)) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
