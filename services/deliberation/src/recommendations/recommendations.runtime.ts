import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RunningConsumer } from '@gongzhi/messaging';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { staffPhotosProjector } from '../assisted/staff-photos.projector';
import { commentsProjector } from '../queries/comments/comments.projector';
import { interestGroupsProjector } from '../interest-groups/interest-groups.projector';
import { recommendablesProjector } from './recommendables.projector';

/** Starts this service's own projectors (what can be recommended, topics' comments, the staff photos) once the app is up. */
@Injectable()
export class RecommendationsRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('deliberation.recommendations');
  private readonly running: RunningConsumer[] = [];

  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = {
      state: this.infrastructure.state,
      onError: (error: unknown) => this.logger.warn(`consumer error: ${(error as Error)?.message ?? error}`),
    };
    for (const projector of [recommendablesProjector, commentsProjector, interestGroupsProjector]) {
      this.running.push(await this.infrastructure.bus.start(projector, options));
    }
    // The staff photos a consent slip is checked against ride along: one place starts this service's consumers.
    try {
      this.running.push(await this.infrastructure.bus.start(staffPhotosProjector, options));
    } catch (error) {
      // Embedded without grid-events in this process: no photo is known, so every signed slip is refused.
      if (!/No event store serves topic/.test((error as Error).message)) throw error;
      this.logger.warn(`staff photos idle: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
