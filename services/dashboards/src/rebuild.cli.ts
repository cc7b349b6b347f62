import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

import { SERVICE_NAMES, TOPICS } from '@gongzhi/contracts';
import { systemClock, type EventStore } from '@gongzhi/eventsourcing';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { ConsumerStateStore, InProcessEventBus, KafkaEventBus, MESSAGING_ENTITIES } from '@gongzhi/messaging';
import { renderProgress } from '@gongzhi/projections';
import { loadConfig, platformConfigSchema, type PlatformConfig } from '@gongzhi/platform';
import { openServiceSchema } from '@gongzhi/runtime';
import { DashboardProjections, type DashboardsInfrastructure } from './dashboard-projections';
import type { DashboardProjector } from './projectors';
import { dashboardsService } from './index';
import { DASHBOARDS_ENTITIES } from './read-models';
import { platformDataSource } from '@gongzhi/persistence';

const USAGE = `usage: npm run rebuild -- <projector | all>

Drops the read model of a dashboards projector and replays its topics from the start, with a progress
bar and a final count. Stop the dashboards first (the all-in-one host, or every dashboards replica):
a running app rebuilds through POST /api/dashboards/projectors/<name>/rebuild instead.

  embedded (default)        GONGZHI_DATA_DIR (./.data): <dir>/<service>/events.sqlite, <dir>/dashboards/read.sqlite
  GONGZHI_MODE=distributed  GONGZHI_PG_URL (schema "dashboards") and GONGZHI_KAFKA_BROKERS; the consumer group is rewound`;

async function main(): Promise<number> {
  const [target] = process.argv.slice(2);
  if (!target || target === '--help' || target === '-h') {
    console.error(USAGE);
    return target ? 0 : 2;
  }
  // The variables every process reads, checked the same way: a bad one is named before anything is opened.
  const config = loadConfig(platformConfigSchema, process.env);
  const opened = config.mode === 'distributed' ? await openDistributed(config) : await openEmbedded(config.dataDir);
  try {
    const projections = new DashboardProjections({ ...opened.infrastructure, startProjectors: false });
    const names = projections.projectors.map((p) => p.name);
    const chosen = target === 'all' ? names : [target.startsWith('dashboards-') ? target : `dashboards-${target}`];
    const unknown = chosen.filter((name) => !names.includes(name));
    if (unknown.length > 0) {
      console.error(`No projector is called ${unknown.join(', ')}. The projectors: ${names.join(', ')} (or all).`);
      return 2;
    }
    // All of them side by side: a rebuild of everything takes about as long as its largest projector.
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    let bar = false;
    await projections.rebuildAll(
      chosen,
      (progress) => {
        // Without a total the bar would print a line per batch of every projector: the per-projector lines say enough.
        if (progress.total === null || progress.total === 0) return;
        renderProgress(progress);
        bar = true;
      },
      (name, applied) => {
        if (bar && process.stderr.isTTY) process.stderr.write('\n');
        bar = false;
        console.log(`${name}: ${applied} events replayed in ${seconds()} s`);
      },
    );
    await projections.stop();
    projections.close();
    return 0;
  } finally {
    await opened.close();
  }
}

async function openEmbedded(dataDir: string) {
  const stores: Record<string, EventStore> = {};
  for (const service of SERVICE_NAMES) {
    const file = join(dataDir, service, 'events.sqlite');
    if (existsSync(file)) stores[TOPICS[service]] = SqliteEventStore.open(file);
  }
  if (Object.keys(stores).length === 0)
    throw new Error(`No event store found under ${dataDir}: set GONGZHI_DATA_DIR to the data folder of npm start`);
  // A service not run yet has no store: serve its topic from an empty one, so projectors over it still start.
  for (const service of SERVICE_NAMES) stores[TOPICS[service]] ??= SqliteEventStore.open(':memory:');
  const dataSource = await platformDataSource({
    type: 'better-sqlite3',
    database: join(dataDir, 'dashboards', 'read.sqlite'),
    entities: [...MESSAGING_ENTITIES, ...DASHBOARDS_ENTITIES],
    synchronize: true,
  }).initialize();
  const infrastructure: DashboardsInfrastructure = {
    dataSource,
    bus: new InProcessEventBus({ topics: stores }),
    state: new ConsumerStateStore(dataSource),
    clock: systemClock,
    eventStores: stores,
  };
  return {
    infrastructure,
    async close() {
      await dataSource.destroy();
      for (const store of Object.values(stores)) await store.close();
    },
  };
}

async function openDistributed(config: PlatformConfig) {
  // The platform's schema requires both in distributed mode.
  const pgUrl = config.postgresUrl!;
  const brokers = config.bus.kind === 'kafka' ? [...config.bus.brokers] : [];
  // The dashboards schema as the running service has it: made and changed by its migrations only.
  const dataSource = await openServiceSchema(dashboardsService, pgUrl);
  const kafka = new Kafka({ clientId: 'gongzhi-dashboards-rebuild', brokers, logLevel: logLevel.WARN });
  const infrastructure: DashboardsInfrastructure = {
    dataSource,
    bus: new KafkaEventBus({ kafka }),
    state: new ConsumerStateStore(dataSource),
    clock: systemClock,
    rewind: (projector) => rewindConsumerGroup(kafka, projector),
  };
  return { infrastructure, close: () => dataSource.destroy() };
}

/** Moves the projector's consumer group to the start of its topics; Kafka refuses while a member is running. */
export async function rewindConsumerGroup(kafka: Kafka, projector: DashboardProjector): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of projector.topics) {
      if (existing.has(topic)) await admin.resetOffsets({ groupId: projector.name, topic, earliest: true });
    }
  } finally {
    await admin.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
