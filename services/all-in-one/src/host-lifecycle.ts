import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry, PlatformMetrics } from '@gongzhi/platform';
import { countAppendedEvents, registerInfrastructureHealth, type EmbeddedPlatform } from '@gongzhi/runtime';

export const EMBEDDED_PLATFORM = Symbol('EMBEDDED_PLATFORM');

/**
 * Closes the stores and databases last: Nest first stops taking requests and lets every service stop
 * its consumers and timers (saving their positions), then this runs.
 */
@Injectable()
export class HostLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Host');

  constructor(
    @Inject(EMBEDDED_PLATFORM) private readonly platform: EmbeddedPlatform,
    private readonly health: HealthRegistry,
    private readonly metrics: PlatformMetrics,
  ) {}

  onModuleInit(): void {
    for (const infrastructure of [...this.platform.infrastructure.values(), ...this.platform.readModels.values()]) {
      registerInfrastructureHealth(this.health, infrastructure);
      countAppendedEvents(this.metrics, infrastructure);
    }
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.platform.close();
    this.logger.log(`stopped${signal ? ` on ${signal}` : ''}; every store and checkpoint is saved`);
  }
}
