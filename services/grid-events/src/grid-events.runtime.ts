import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PublicEvent } from '@gongzhi/contracts';
import type { ConsumerDefinition, RunningConsumer } from '@gongzhi/messaging';
import { DurableScheduler, SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@gongzhi/runtime';
import { CaseCommands } from './application/case-commands';
import { GRID_EVENTS_SETTINGS, NOTIFICATION_GATEWAY, REFERENCE_DATA } from './grid-events.tokens';
import type { GridEventsSettings } from './grid-events.settings';
import { NotificationDeliverer } from './notifications/notification-deliverer';
import type { NotificationGateway } from './notifications/notification-gateway';
import { followDepartmentWhenAssignmentChanges } from './policies/follow-department-when-assignment-changes.policy';
import { resolveCaseWhenWhistleResolved } from './policies/resolve-case-when-whistle-resolved.policy';
import { baseRecordsProjector } from './read-models/base-records.projector';
import { CaseListChanges } from './read-models/case-list-changes';
import { caseViewsProjector } from './read-models/case-views.projector';
import type { ReferenceData } from './reference-data/reference-data';
import { caseDeadlineHandlers, caseDeadlinesConsumer } from './timers/case-deadlines';

/** The service's moving parts: its projector, deadlines, policies and notification delivery, started and stopped with the app. */
@Injectable()
export class GridEventsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('grid-events');
  readonly scheduler: DurableScheduler;
  readonly deliverer: NotificationDeliverer;
  private readonly consumers: RunningConsumer[] = [];

  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
    @Inject(GRID_EVENTS_SETTINGS) private readonly settings: GridEventsSettings,
    @Inject(NOTIFICATION_GATEWAY) gateway: NotificationGateway,
    private readonly cases: CaseCommands,
    private readonly commands: CommandBus,
    private readonly listChanges: CaseListChanges,
  ) {
    const onError = (error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error));
    this.scheduler = new DurableScheduler({
      dataSource: infrastructure.dataSource,
      clock: infrastructure.clock,
      handlers: caseDeadlineHandlers(commands, cases, reference),
      onError,
    });
    this.deliverer = new NotificationDeliverer(infrastructure.dataSource, gateway, infrastructure.clock, onError);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { topic } = this.infrastructure;
    // The bus reports progress after each batch's transaction: only then may the case lists' kept answers be let go. A
    // failed batch may have committed part of itself before it is tried again.
    const listsChanged = () => this.listChanges.changed();
    await this.startConsumer(caseViewsProjector(topic, this.reference, this.settings.cityTimeZone), {
      onProgress: listsChanged,
      onError: listsChanged,
    });
    await this.startConsumer(baseRecordsProjector(topic));
    await this.startConsumer(caseDeadlinesConsumer(topic, this.scheduler));
    await this.startConsumer(followDepartmentWhenAssignmentChanges(this.commands, this.cases, this.settings), { optional: true });
    await this.startConsumer(resolveCaseWhenWhistleResolved(this.commands, this.cases, this.settings), { optional: true });
    this.scheduler.start();
    this.deliverer.start();
  }

  private async startConsumer(
    definition: ConsumerDefinition<PublicEvent>,
    { optional = false, onProgress, onError }: { optional?: boolean; onProgress?: () => void; onError?: () => void } = {},
  ): Promise<void> {
    try {
      const consumer = await this.infrastructure.bus.start(definition, {
        state: this.infrastructure.state,
        onProgress,
        onError: (error) => {
          onError?.();
          this.logger.warn(`${definition.name}: ${error instanceof Error ? error.message : String(error)}`);
        },
      });
      this.consumers.push(consumer);
    } catch (error) {
      // A host without department-dispatch (a test app, a partial embedded run) serves no topic of it.
      if (!optional) throw error;
      this.logger.warn(`${definition.name} is not running: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler.stop();
    await this.deliverer.stop();
    await Promise.all(this.consumers.splice(0).map((c) => c.stop()));
  }
}
