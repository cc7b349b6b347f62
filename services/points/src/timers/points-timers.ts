import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DurableScheduler, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { Streams } from '../application/streams';
import { SETTLE_REDEMPTION, settleRedemptionTimer } from './settle-redemption.timer';

/** The service's durable timers: today only the settlement of redemptions interrupted half-way. */
@Injectable()
export class PointsTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('points.timers');
  readonly scheduler: DurableScheduler;

  constructor(@Inject(SERVICE_INFRASTRUCTURE) infrastructure: ServiceInfrastructure, streams: Streams) {
    this.scheduler = new DurableScheduler({
      dataSource: infrastructure.dataSource,
      clock: infrastructure.clock,
      handlers: { [SETTLE_REDEMPTION]: settleRedemptionTimer(streams, infrastructure.clock) },
      pollIntervalMs: 5_000,
      onError: (error, timerId) => this.logger.error(`timer ${timerId} failed: ${(error as Error)?.message ?? error}`),
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
  }
}
