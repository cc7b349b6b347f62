import type { EventStore } from '@gongzhi/eventsourcing';
import type { Admin, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { HealthIndicator } from './health-registry';

/** The event store answers a read of its head position. */
export function eventStoreIndicator(store: Pick<EventStore, 'headPosition'>, name = 'store'): HealthIndicator {
  return {
    name,
    async check() {
      await store.headPosition();
    },
  };
}

/** The read database (TypeORM) is open and answers `SELECT 1`. */
export function dataSourceIndicator(dataSource: DataSource, name = 'readDb'): HealthIndicator {
  return {
    name,
    async check() {
      if (!dataSource.isInitialized) throw new Error('the database connection is not open');
      await dataSource.query('SELECT 1');
    },
  };
}

/**
 * The Kafka cluster answers a metadata request. The admin client is connected once and kept; after a
 * failure it is dropped, so the next check connects afresh.
 */
export function kafkaIndicator(kafka: Kafka, name = 'bus', { informational = false }: { informational?: boolean } = {}): HealthIndicator {
  let admin: Promise<Admin> | undefined;
  const connected = (): Promise<Admin> =>
    (admin ??= (async () => {
      const client = kafka.admin();
      try {
        await client.connect();
        return client;
      } catch (error) {
        admin = undefined;
        await client.disconnect().catch(() => undefined);
        throw error;
      }
    })());
  return {
    name,
    informational,
    async check() {
      const client = await connected();
      try {
        const { brokers } = await client.describeCluster();
        if (brokers.length === 0) throw new Error('the cluster reports no brokers');
      } catch (error) {
        admin = undefined;
        await client.disconnect().catch(() => undefined);
        throw error;
      }
    },
    async close() {
      const pending = admin;
      admin = undefined;
      const client = await pending?.catch(() => undefined);
      await client?.disconnect();
    },
  };
}
