import { createDatabase } from './infra/postgres';

/** The PostgreSQL server the integration tier runs on (started by tools/jest/global-setup.ts). */
export function testPostgresUrl(): string {
  const url = process.env.GONGZHI_TEST_PG_URL;
  if (!url)
    throw new Error('GONGZHI_TEST_PG_URL is not set: run integration tests through jest (npm test), whose global setup starts PostgreSQL');
  return url;
}

/** A fresh, empty database on the test server, so suites never see each other's rows. */
export function freshTestDatabase(prefix = 'gz'): Promise<string> {
  return createDatabase(testPostgresUrl(), prefix);
}

/** The Kafka brokers the integration tier runs on. */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.GONGZHI_TEST_KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'GONGZHI_TEST_KAFKA_BROKERS is not set: run integration tests through jest (npm test), whose global setup starts Kafka',
    );
  return brokers.split(',');
}
