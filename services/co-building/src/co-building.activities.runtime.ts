import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RunningConsumer } from '@gongzhi/messaging';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { activitiesProjector } from './read-models/activities.projector';
import { residentLevelsProjector } from './read-models/resident-levels.projector';

/** Starts the activity list and the residents' levels (from points) that the early sign-up check reads. */
@Injectable()
export class ActivitiesRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('co-building.activities');
  private readonly running: RunningConsumer[] = [];

  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = {
      state: this.infrastructure.state,
      onError: (error: unknown) => this.logger.warn(`consumer error: ${(error as Error)?.message ?? error}`),
    };
    this.running.push(await this.infrastructure.bus.start(activitiesProjector, options));
    try {
      this.running.push(await this.infrastructure.bus.start(residentLevelsProjector, options));
    } catch (error) {
      // Embedded without points in this process: no level is known, so nobody signs up early.
      if (!/No event store serves topic/.test((error as Error).message)) throw error;
      this.logger.warn(`resident levels idle: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
