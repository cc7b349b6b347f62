import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition, RunningConsumer } from '@gongzhi/messaging';
import { DurableScheduler, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { ExecuteAssignmentCommand } from './commands/execute-assignment-command';
import { ExecuteEarlyWarningCommand } from './commands/execute-early-warning-command';
import { ExecuteWhistleCommand } from './commands/execute-whistle-command';
import { caseDispatchPolicy } from './policies/create-assignment-when-case-dispatched.policy';
import { dispatchWarningsPolicy, repeatProblemPolicy, type RaiseEarlyWarningPort } from './policies/early-warning.policy';
import { dispatchProjector } from './read-models/dispatch.projector';
import { DepartmentRegistry } from './registry/department-registry';
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
  /** 预警: problems repeating at a place (over grid-events); late-looking assignments and missed check-ins (own events). */
  readonly warnings: { readonly places: ConsumerDefinition<PublicEvent>; readonly dispatch: ConsumerDefinition<PublicEvent> };

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    commands: CommandBus,
    registry: DepartmentRegistry,
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
    const raiseWarning: RaiseEarlyWarningPort = (warningId, command, metadata) =>
      commands.execute(new ExecuteEarlyWarningCommand({ warningId, command, metadata }));
    this.warnings = { places: repeatProblemPolicy(raiseWarning), dispatch: dispatchWarningsPolicy(raiseWarning, registry) };
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
    this.running.push(await bus.start(this.warnings.dispatch, options));
    try {
      this.running.push(await bus.start(this.policy, options));
      this.running.push(await bus.start(this.warnings.places, options));
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
