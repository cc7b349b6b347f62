import type { Kafka } from 'kafkajs';
import { type DataSource } from 'typeorm';
import { deadLetterTopic, TOPICS } from '@gongzhi/contracts';
import { systemClock, type Clock, type EventStore } from '@gongzhi/eventsourcing';
import { EventStoreDbEventStore } from '@gongzhi/eventstore-esdb';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import type { LogConfig } from '@gongzhi/platform';
import { cloudEventSource, ConsumerStateStore, ensureTopicsKeepHistory, KafkaEventBus, KafkaRelay } from '@gongzhi/messaging';
import { RUNTIME_ENTITIES } from './embedded-platform';
import { ObservedEventStore } from './observed-event-store';
import { serviceKafka } from './kafka-client';
import { RUNTIME_MIGRATIONS } from './runtime-migrations';
import type { ReadModelInfrastructure, ReadModelServiceDefinition, ServiceDefinition, ServiceInfrastructure } from './service-definition';
import { ensurePgSchema, platformDataSource } from '@gongzhi/persistence';

export interface DistributedServiceConfig {
  readonly eventStore: 'postgres' | 'eventstoredb';
  readonly eventStoreUrl?: string;
  /** PostgreSQL for the service's own tables (and for the event store when it is `postgres`). */
  readonly pgUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** The consumer groups' session timeout (GONGZHI_KAFKA_SESSION_TIMEOUT_MS); unset, the bus's default. */
  readonly kafkaSessionTimeoutMs?: number;
  /** How kafkajs' own entries are logged (in the platform's shape); default warnings and errors as JSON. */
  readonly log?: LogConfig;
}

export interface DistributedService {
  readonly infrastructure: ServiceInfrastructure;
  readonly relay: KafkaRelay;
  close(): Promise<void>;
}

/** One service alone: its store (PostgreSQL or EventStoreDB), its PostgreSQL schema, Kafka, and its relay. */
export async function openDistributedService(
  service: ServiceDefinition,
  config: DistributedServiceConfig,
  clock: Clock = systemClock,
): Promise<DistributedService> {
  const eventStore: EventStore = new ObservedEventStore(
    config.eventStore === 'postgres'
      ? await PostgresEventStore.connect({
          connectionString: config.pgUrl,
          schema: `${schemaOf(service.name)}_events`,
          clock: () => clock.now(),
        })
      : // One server may hold every service's streams; each store sees only its own.
        await EventStoreDbEventStore.connect(requireUrl(config.eventStoreUrl), { streamPrefix: `${service.name}/` }),
  );
  const { dataSource, kafka } = await openSchemaAndKafka(service, config);
  const state = new ConsumerStateStore(dataSource, () => clock.now());
  const topic = TOPICS[service.name];
  // The topic keeps its whole history (retention.ms=-1): a projector rebuilt from offset 0 replays it all.
  await ensureTopicsKeepHistory(kafka, [topic, deadLetterTopic(topic)]);
  const relay = new KafkaRelay({
    name: `relay-${service.name}`,
    store: eventStore,
    kafka,
    topic,
    source: cloudEventSource(service.name),
    state,
  });
  await relay.start();
  const infrastructure: ServiceInfrastructure = {
    service: service.name,
    topic,
    eventStore,
    dataSource,
    state,
    bus: new KafkaEventBus({ kafka, sessionTimeoutMs: config.kafkaSessionTimeoutMs }),
    clock,
    kafka,
  };
  return {
    infrastructure,
    relay,
    async close() {
      await relay.stop();
      await dataSource.destroy();
      await eventStore.close();
    },
  };
}

type SchemaOwner = Pick<ReadModelServiceDefinition, 'name' | 'entities' | 'migrations'>;

/**
 * The service's own PostgreSQL schema (named after it), brought up to date by its migrations — each in its
 * own transaction, recorded in `<schema>.schema_migrations`, so a second start runs none; instances starting
 * together take turns (an advisory lock per schema). Never synchronised from the entities: a deployed schema
 * changes only through a reviewed migration.
 */
export async function openServiceSchema(service: SchemaOwner, pgUrl: string): Promise<DataSource> {
  const schema = schemaOf(service.name);
  const dataSource = platformDataSource({
    type: 'postgres',
    url: pgUrl,
    schema,
    entities: [...RUNTIME_ENTITIES, ...service.entities],
    migrations: [...RUNTIME_MIGRATIONS, ...service.migrations],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    connectTimeoutMS: 5_000,
  });
  await openSchema(dataSource, pgUrl, schema, service.name);
  const key = `gongzhi-migrations:${schema}`;
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      await dataSource.runMigrations();
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } catch (error) {
    await lock.release();
    await dataSource.destroy();
    throw new Error(`Cannot migrate the ${service.name} schema: ${(error as Error).message}`);
  }
  await lock.release();
  return dataSource;
}

/** The service's schema and its Kafka client. */
async function openSchemaAndKafka(
  service: SchemaOwner,
  config: Pick<DistributedServiceConfig, 'pgUrl' | 'kafkaBrokers' | 'log'>,
): Promise<{ dataSource: DataSource; kafka: Kafka }> {
  const dataSource = await openServiceSchema(service, config.pgUrl);
  const kafka = serviceKafka(service.name, config.kafkaBrokers, config.log);
  return { dataSource, kafka };
}

/** The PostgreSQL schema of a service's own tables. */
export function schemaOf(service: string): string {
  return service.replace(/-/g, '_');
}

/**
 * Creates the service's PostgreSQL schema when missing (TypeORM does not; replicas starting together take turns),
 * then opens the data source.
 */
async function openSchema(dataSource: DataSource, pgUrl: string, schema: string, service: string): Promise<void> {
  try {
    await ensurePgSchema(pgUrl, schema);
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`Cannot open the ${service} database at ${describe(pgUrl)}: ${(error as Error).message}`);
  }
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('GONGZHI_EVENTSTORE_URL is required when GONGZHI_EVENT_STORE=eventstoredb');
  return url;
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'an unparseable URL';
  }
}

export interface DistributedReadModel {
  readonly infrastructure: ReadModelInfrastructure;
  close(): Promise<void>;
}

/** A read-model service alone: its PostgreSQL schema and Kafka; no store, no relay. */
export async function openDistributedReadModel(
  service: ReadModelServiceDefinition,
  config: Pick<DistributedServiceConfig, 'pgUrl' | 'kafkaBrokers' | 'kafkaSessionTimeoutMs' | 'log'>,
  clock: Clock = systemClock,
): Promise<DistributedReadModel> {
  const { dataSource, kafka } = await openSchemaAndKafka(service, config);
  return {
    infrastructure: {
      name: service.name,
      dataSource,
      state: new ConsumerStateStore(dataSource, () => clock.now()),
      bus: new KafkaEventBus({ kafka, sessionTimeoutMs: config.kafkaSessionTimeoutMs }),
      clock,
      kafka,
    },
    close: () => dataSource.destroy(),
  };
}
