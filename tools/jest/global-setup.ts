// Jest loads global setup outside its module mapper, so the infra modules are imported by path.
import { startKafka, type RunningKafka } from '../../libs/testing/src/infra/kafka';
import { startPostgres, type RunningPostgres } from '../../libs/testing/src/infra/postgres';

declare global {
  var __GONGZHI_INFRA__: { postgres?: RunningPostgres; kafka?: RunningKafka } | undefined;
}

/**
 * Starts the real infrastructure the integration tier runs on: a PostgreSQL server and a Kafka broker,
 * each on a free loopback port with data in a temporary folder. Workers inherit their addresses through
 * the environment. An address given from outside (GONGZHI_TEST_PG_URL, GONGZHI_TEST_KAFKA_BROKERS) is
 * used as it is.
 */
export default async function globalSetup(): Promise<void> {
  const started: { postgres?: RunningPostgres; kafka?: RunningKafka } = {};
  globalThis.__GONGZHI_INFRA__ = started;
  const t0 = Date.now();
  const [postgres, kafka] = await Promise.all([
    process.env.GONGZHI_TEST_PG_URL ? undefined : startPostgres(),
    process.env.GONGZHI_TEST_KAFKA_BROKERS ? undefined : startKafka(),
  ]);
  if (postgres) {
    started.postgres = postgres;
    process.env.GONGZHI_TEST_PG_URL = postgres.url();
  }
  if (kafka) {
    started.kafka = kafka;
    process.env.GONGZHI_TEST_KAFKA_BROKERS = kafka.brokers.join(',');
  }
  process.stdout.write(
    `\n[infra] PostgreSQL ${process.env.GONGZHI_TEST_PG_URL} · Kafka ${process.env.GONGZHI_TEST_KAFKA_BROKERS} (ready in ${Date.now() - t0} ms)\n`,
  );
  if (!process.env.EVENTSTORE_URL) {
    process.stdout.write(
      '[infra] EventStoreDB contract suite not run: EVENTSTORE_URL is not set and no EventStoreDB server can run on this machine.\n',
    );
  }
}
