import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RunningConsumer } from '@gongzhi/messaging';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { coBuildingProjector } from './read-models/co-building.projector';

/** The consumers of co-building's own events (its read models), started once the app is up. */
@Injectable()
export class CoBuildingRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('co-building');
  private readonly running: RunningConsumer[] = [];

  constructor(@Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running.push(
      await this.infrastructure.bus.start(coBuildingProjector, {
        state: this.infrastructure.state,
        onError: (error: unknown) => this.logger.warn(`consumer error: ${(error as Error)?.message ?? error}`),
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
