import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { join } from 'node:path';
import type { EventStore } from '@gongzhi/eventsourcing';
import { SqliteEventStore } from '@gongzhi/eventstore-sqlite';
import { HealthController } from './health.controller';
import { EVENT_STORE } from './tokens';

export const DATA_DIR = process.env.GONGZHI_DATA_DIR ?? join(process.cwd(), '.data');

@Module({
  controllers: [HealthController],
  providers: [{ provide: EVENT_STORE, useFactory: () => SqliteEventStore.open(join(DATA_DIR, 'events.sqlite')) }],
})
export class AppModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
