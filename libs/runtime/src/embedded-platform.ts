import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { TOPICS } from '@gongzhi/contracts';
import { systemClock, type Clock, type EventStore } from '@gongzhi/eventsourcing';
import { SqliteEventStore, tuneSqliteConnection, type PragmaTarget } from '@gongzhi/eventstore-sqlite';
import { ConsumerStateStore, InProcessEventBus, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { ObservedEventStore } from './observed-event-store';
import { ownerOnlyDatabaseFile } from './owner-only-file';
import { IdempotencyRecord } from './idempotency-record.entity';
import { ScheduledCommand } from './scheduled-command.entity';
import {
  isReadModelService,
  type HostedService,
  type ReadModelInfrastructure,
  type ServiceDefinition,
  type ServiceInfrastructure,
} from './service-definition';
import { platformDataSource } from '@gongzhi/persistence';

export interface EmbeddedPlatform {
  readonly infrastructure: ReadonlyMap<string, ServiceInfrastructure>;
  readonly readModels: ReadonlyMap<string, ReadModelInfrastructure>;
  readonly bus: InProcessEventBus;
  close(): Promise<void>;
}

export const RUNTIME_ENTITIES = [...MESSAGING_ENTITIES, ScheduledCommand, IdempotencyRecord];

/**
 * The embedded default: under one data folder, each service gets an SQLite event store and an SQLite
 * database of its own (both 0600), and one in-process bus serves every service's topic from its store's log.
 */
export async function openEmbeddedPlatform(
  dataDir: string,
  services: readonly HostedService[],
  clock: Clock = systemClock,
): Promise<EmbeddedPlatform> {
  const stores = new Map<string, EventStore>();
  const owners = services.filter((s): s is ServiceDefinition => !isReadModelService(s));
  for (const service of owners) {
    mkdirSync(join(dataDir, service.name), { recursive: true });
    const store = SqliteEventStore.open(ownerOnlyDatabaseFile(join(dataDir, service.name, 'events.sqlite')), { clock: () => clock.now() });
    stores.set(service.name, new ObservedEventStore(store));
  }
  const topics = Object.fromEntries(owners.map((s) => [TOPICS[s.name], stores.get(s.name)!]));
  const bus = new InProcessEventBus({ topics });
  const infrastructure = new Map<string, ServiceInfrastructure>();
  const readModels = new Map<string, ReadModelInfrastructure>();
  for (const service of services) {
    mkdirSync(join(dataDir, service.name), { recursive: true });
    const dataSource = await platformDataSource({
      type: 'better-sqlite3',
      database: ownerOnlyDatabaseFile(join(dataDir, service.name, 'read.sqlite')),
      entities: [...RUNTIME_ENTITIES, ...service.entities],
      synchronize: true,
      // A service's projectors and queries use a few hundred distinct statements; TypeORM's default keeps 100 and
      // would prepare the rest again and again.
      statementCacheSize: 2000,
      prepareDatabase: (db: PragmaTarget) => tuneSqliteConnection(db, { pageCacheKib: service.embeddedPageCacheKib }),
    }).initialize();
    const state = new ConsumerStateStore(dataSource, () => clock.now());
    if (isReadModelService(service)) {
      readModels.set(service.name, { name: service.name, dataSource, state, bus, clock, eventStores: topics });
      continue;
    }
    infrastructure.set(service.name, {
      service: service.name,
      topic: TOPICS[service.name],
      eventStore: stores.get(service.name)!,
      dataSource,
      state,
      bus,
      clock,
      dataDir,
    });
  }
  return {
    infrastructure,
    readModels,
    bus,
    async close() {
      for (const infra of [...infrastructure.values(), ...readModels.values()]) await infra.dataSource.destroy();
      for (const store of stores.values()) await store.close();
    },
  };
}
