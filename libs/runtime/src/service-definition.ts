import type { DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { z } from 'zod';
import type { ServiceName } from '@gongzhi/contracts';
import type { Clock, EventStore } from '@gongzhi/eventsourcing';
import type { ConsumerStateStore, EventBus } from '@gongzhi/messaging';

export type EntityClass = new (...args: never[]) => object;

/**
 * What a service module is given to run on. The same module code runs embedded (SQLite, in-process bus)
 * and distributed (PostgreSQL or EventStoreDB, Kafka); only these adapters differ.
 */
export interface ServiceInfrastructure {
  readonly service: ServiceName;
  /** The topic this service publishes: its store's events, relayed to Kafka in distributed mode. */
  readonly topic: string;
  readonly eventStore: EventStore;
  /** The service's own relational database: read models, inbox, positions, timers. */
  readonly dataSource: DataSource;
  readonly state: ConsumerStateStore;
  readonly bus: EventBus;
  readonly clock: Clock;
  /** Present in distributed mode, for readiness checks. */
  readonly kafka?: Kafka;
  /**
   * The embedded default's data folder, where a service keeps a secret it generates for itself (0600 files
   * beside `auth-secret`). Absent in distributed mode: there secrets come from the environment.
   */
  readonly dataDir?: string;
}

/**
 * The migrations of a service's PostgreSQL schema (distributed mode), oldest first: they create and change
 * the tables of its entities and of the runtime (inbox, positions, timers). Generated with
 * `npm run migrations -- generate <service> <name>`; a spec checks they leave nothing for the entities to add.
 * The embedded SQLite databases are still synchronised from the entities.
 */
export type MigrationClass = new () => MigrationInterface;

/**
 * A service's own variables, keyed by name (the platform's `integerVariable`, `urlVariable` … from
 * `@gongzhi/platform`), parsed into the settings its module is given. The schema sees the whole
 * environment, so a rule may depend on `GONGZHI_MODE` (a secret required in distributed mode).
 */
export type ServiceSettingsSchema<Settings = unknown> = z.ZodType<Settings>;

/**
 * A service as the hosts know it: its tables, its settings and its Nest module. `Settings` defaults to `any` so a
 * host's list holds services whose settings differ; each service declares its own (`ServiceDefinition<PointsSettings>`).
 */
export interface ServiceDefinition<Settings = any> {
  readonly kind?: 'event-sourced';
  readonly name: ServiceName;
  /** Entities of the service's own database (the messaging and timer tables are added by the runtime). */
  readonly entities: readonly EntityClass[];
  readonly migrations: readonly MigrationClass[];
  /**
   * Checked by the host (and `runStandaloneService`) with every other service's and the platform's before
   * anything is opened, so one start names every variable at fault; the parsed value is `module`'s second
   * argument. Without one the module gets `undefined`.
   */
  readonly settings?: ServiceSettingsSchema<Settings>;
  /**
   * The embedded SQLite page cache of the service's database, in KiB, where its queries scan more than
   * `SQLITE_PAGE_CACHE_KIB` holds (see @gongzhi/eventstore-sqlite). Other modes ignore it.
   */
  readonly embeddedPageCacheKib?: number;
  module(infrastructure: ServiceInfrastructure, settings: Settings): DynamicModule;
}

export const SERVICE_INFRASTRUCTURE = Symbol('SERVICE_INFRASTRUCTURE');

/**
 * What a read-model service (the dashboards) runs on: no store or topic of its own, its database, the
 * bus, and — embedded — the stores whose logs are the topics, so a rebuild knows where each topic ends.
 */
export interface ReadModelInfrastructure {
  readonly name: string;
  readonly dataSource: DataSource;
  readonly state: ConsumerStateStore;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly kafka?: Kafka;
  readonly eventStores?: Readonly<Record<string, EventStore>>;
}

export interface ReadModelServiceDefinition<Settings = any> {
  readonly kind: 'read-model';
  readonly name: string;
  readonly entities: readonly EntityClass[];
  readonly migrations: readonly MigrationClass[];
  /** As `ServiceDefinition.settings`. */
  readonly settings?: ServiceSettingsSchema<Settings>;
  /** As `ServiceDefinition.embeddedPageCacheKib`. */
  readonly embeddedPageCacheKib?: number;
  module(infrastructure: ReadModelInfrastructure, settings: Settings): DynamicModule;
}

export type HostedService = ServiceDefinition | ReadModelServiceDefinition;
export type HostedInfrastructure = ServiceInfrastructure | ReadModelInfrastructure;

export function isReadModelService(service: HostedService): service is ReadModelServiceDefinition {
  return service.kind === 'read-model';
}
