import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RunningConsumer } from '@gongzhi/messaging';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { commentsProjector } from '../queries/comments/comments.projector';
import { recommendablesProjector } from './recommendables.projector';

/** Starts this service's own projectors (what can be recommended, topics' comments) once the app is up. */
@Injectable()
export class RecommendationsRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('deliberation.recommendations');
  private readonly running: RunningConsumer[] = [];

  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const projector of [recommendablesProjector, commentsProjector]) {
      this.running.push(
        await this.infrastructure.bus.start(projector, {
          state: this.infrastructure.state,
          onError: (error: unknown) => this.logger.warn(`consumer error: ${(error as Error)?.message ?? error}`),
        }),
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
