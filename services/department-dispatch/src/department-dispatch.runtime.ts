import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition, RunningConsumer } from '@gongzhi/messaging';
import { DurableScheduler, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ExecuteAssignmentCommand } from './commands/execute-assignment-command';
import { ExecuteWhistleCommand } from './commands/execute-whistle-command';
import { caseDispatchPolicy } from './policies/create-assignment-when-case-dispatched.policy';
import { dispatchProjector } from './read-models/dispatch.projector';
import { whistleTimerHandlers, whistleTimerScheduling } from './timers/whistle-timers';

/**
 * The service's moving parts besides HTTP: the durable scheduler of the whistles' timers, the policy over
 * grid-events, and the consumers of its own events (timers, read models). Started once the app is up.
 */
@Injectable()
export class DepartmentDispatchRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('department-dispatch');
  private readonly running: RunningConsumer[] = [];
  readonly scheduler: DurableScheduler;
  readonly policy: ConsumerDefinition<PublicEvent>;

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    commands: CommandBus,
  ) {
    this.scheduler = new DurableScheduler({
      dataSource: infrastructure.dataSource,
      clock: infrastructure.clock,
      handlers: whistleTimerHandlers(
        (whistleId, command, metadata) => commands.execute(new ExecuteWhistleCommand({ whistleId, command, metadata })),
        infrastructure.clock,
      ),
      onError: (error, timerId) => this.logger.warn(`timer ${timerId} failed: ${(error as Error)?.message ?? error}`),
    });
    this.policy = caseDispatchPolicy((assignmentId, command, metadata) =>
      commands.execute(new ExecuteAssignmentCommand({ assignmentId, command, metadata })),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    const options = {
      state: this.infrastructure.state,
      onError: (error: unknown) => this.logger.warn(`consumer error: ${(error as Error)?.message ?? error}`),
    };
    const { bus } = this.infrastructure;
    this.running.push(
      await bus.start(
        whistleTimerScheduling(() => this.scheduler),
        options,
      ),
    );
    this.running.push(await bus.start(dispatchProjector, options));
    try {
      this.running.push(await bus.start(this.policy, options));
    } catch (error) {
      // Embedded with grid-events not hosted in this process: nothing dispatches cases here to react to.
      if (!/No event store serves topic/.test((error as Error).message)) throw error;
      this.logger.warn(`case policy idle: ${(error as Error).message}`);
    }
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
