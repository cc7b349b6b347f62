import { Controller, Get, Inject } from '@nestjs/common';
import type { EventStore } from '@gongzhi/eventsourcing';
import { EVENT_STORE } from './tokens';

@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  async health() {
    const head = await this.store.headPosition();
    return { status: 'ok', checks: { eventStore: { status: 'up', headPosition: head } } };
  }
}
