import type { DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
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
}

/** A service as the hosts know it: its tables and its Nest module. */
export interface ServiceDefinition {
  readonly name: ServiceName;
  /** Entities of the service's own database (the messaging and timer tables are added by the runtime). */
  readonly entities: readonly EntityClass[];
  module(infrastructure: ServiceInfrastructure): DynamicModule;
}

export const SERVICE_INFRASTRUCTURE = Symbol('SERVICE_INFRASTRUCTURE');
