import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition, RunningConsumer } from '@gongzhi/messaging';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { awardPointsConsumer } from './policies/award-points.consumer';
import { reactToOwnEventsConsumer } from './policies/react-to-own-events.consumer';
import { pointsProjector } from './read-models/points.projector';
import { awardPrizesWhenContestClosed } from './policies/award-prizes-when-contest-closed.policy';
import { countContestActivityConsumer } from './policies/count-contest-activity.consumer';
import { contestBuildingsProjector } from './read-models/contest-buildings.projector';
import { contestsProjector } from './read-models/contests.projector';

/** The topics whose events earn points. */
export const AWARDING_TOPICS = [TOPICS['grid-events'], TOPICS.deliberation] as const;

/** Starts the service's consumers on the bus it was given, and stops them before the database closes. */
@Injectable()
export class PointsConsumers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('points.consumers');
  private readonly running: RunningConsumer[] = [];

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    private readonly commands: CommandBus,
  ) {}

  definitions(): ConsumerDefinition<PublicEvent>[] {
    const { clock } = this.infrastructure;
    return [
      ...AWARDING_TOPICS.map((topic) => awardPointsConsumer(topic, this.commands, clock)),
      reactToOwnEventsConsumer(this.commands, clock),
      pointsProjector(),
      contestsProjector(),
      contestBuildingsProjector(),
      countContestActivityConsumer(this.commands, clock),
      awardPrizesWhenContestClosed(this.commands, clock),
    ];
  }

  /** All at once: each start waits on the broker, and a restarted process serves sooner when they overlap. */
  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(
      this.definitions().map(async (definition) => {
        try {
          this.running.push(
            await this.infrastructure.bus.start(definition, {
              state: this.infrastructure.state,
              onError: (error) => this.logger.warn(`${definition.name}: ${(error as Error)?.message ?? error}`),
            }),
          );
        } catch (error) {
          // An embedded host without grid-events or deliberation has no store for their topics: no awards from them.
          this.logger.warn(`${definition.name} is not running: ${(error as Error).message}`);
        }
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
