import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';

import { TOPICS } from '@gongzhi/contracts';
import { ManualClock, type EventStore } from '@gongzhi/eventsourcing';
import { PostgresEventStore } from '@gongzhi/eventstore-postgres';
import { ConsumerStateStore, InProcessEventBus } from '@gongzhi/messaging';
import { composeHostModule, RUNTIME_ENTITIES, type ServiceInfrastructure } from '@gongzhi/runtime';
import { loadPointsSettings, type PointsSettings } from '../config/load-points-config';
import { PointsModule } from '../points.module';
import { POINTS_ENTITIES } from '../read-models/points-read-models.entities';
import { pointsService } from '../index';
import { platformDataSource } from '@gongzhi/persistence';

/**
 * The real stack for the points service: PostgreSQL event stores standing in for grid-events and
 * deliberation (tests append contract-valid events to them), the service's own PostgreSQL store and
 * tables, and the in-process bus tailing all three logs.
 */
export interface PointsStack {
  readonly clock: ManualClock;
  readonly infrastructure: ServiceInfrastructure;
  readonly gridEvents: EventStore;
  readonly deliberation: EventStore;
  readonly settings: PointsSettings;
  start(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

/** `url`: an empty PostgreSQL database (freshTestDatabase of @gongzhi/testing). */
export async function openPointsStack(url: string, settings: PointsSettings = loadPointsSettings({})): Promise<PointsStack> {
  const clock = new ManualClock(new Date('2026-11-26T02:00:00.000Z'));
  const connect = (schema: string) => PostgresEventStore.connect({ connectionString: url, schema, clock: () => clock.now() });
  const [points, gridEvents, deliberation] = await Promise.all([
    connect('points_events'),
    connect('grid_events_events'),
    connect('deliberation_events'),
  ]);
  const dataSource = await platformDataSource({
    type: 'postgres',
    url,
    entities: [...RUNTIME_ENTITIES, ...POINTS_ENTITIES],
    synchronize: true,
  }).initialize();
  const bus = new InProcessEventBus({
    topics: { [TOPICS.points]: points, [TOPICS['grid-events']]: gridEvents, [TOPICS.deliberation]: deliberation },
    idleDelayMs: 20,
  });
  const infrastructure: ServiceInfrastructure = {
    service: 'points',
    topic: TOPICS.points,
    eventStore: points,
    dataSource,
    state: new ConsumerStateStore(dataSource, () => clock.now()),
    bus,
    clock,
  };
  const apps: INestApplicationContext[] = [];
  return {
    clock,
    infrastructure,
    gridEvents,
    deliberation,
    settings,
    async start() {
      const service = { ...pointsService, module: (infra: ServiceInfrastructure) => PointsModule.register(infra, settings) };
      const app = await NestFactory.createApplicationContext(
        composeHostModule({ services: [service], infrastructure: new Map([['points', infrastructure]]) }),
        { logger: ['error'] },
      );
      await app.init();
      apps.push(app);
      return app;
    },
    async close() {
      for (const app of apps.splice(0)) await app.close();
      await dataSource.destroy();
      await Promise.all([points.close(), gridEvents.close(), deliberation.close()]);
    },
  };
}
