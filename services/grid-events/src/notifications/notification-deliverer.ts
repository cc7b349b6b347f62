import { IsNull, LessThan, type DataSource } from 'typeorm';
import type { Clock } from '@gongzhi/eventsourcing';
import { updateRows } from '@gongzhi/persistence';
import { ReporterNotification } from '../read-models/reporter-notification.entity';
import type { NotificationGateway } from './notification-gateway';

const MAX_ATTEMPTS = 8;

/** The notifications table is the outbox: undelivered rows are handed to the gateway, oldest first. */
export class NotificationDeliverer {
  private timer?: NodeJS.Timeout;
  private running: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: NotificationGateway,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  deliverPending(): Promise<number> {
    this.running = this.running.then(
      () => this.pass(),
      () => this.pass(),
    );
    return this.running;
  }

  private async pass(): Promise<number> {
    const repo = this.dataSource.getRepository(ReporterNotification);
    const pending = await repo.find({
      where: { deliveredAt: IsNull(), deliveryAttempts: LessThan(MAX_ATTEMPTS) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
    let delivered = 0;
    for (const n of pending) {
      try {
        await this.gateway.deliver({
          id: n.id,
          recipientId: n.recipientId,
          caseId: n.caseId,
          kind: n.kind,
          message: { zh: n.messageZh, en: n.messageEn },
          createdAt: n.createdAt,
        });
        // A plain statement with its numbers as parameters: one per report, where the query builder wrote the count into the text.
        await updateRows(
          this.dataSource.manager,
          ReporterNotification,
          { id: n.id },
          {
            deliveredAt: this.clock.now().toISOString(),
            deliveryAttempts: n.deliveryAttempts + 1,
          },
        );
        delivered++;
      } catch (error) {
        this.onError(error);
        await updateRows(this.dataSource.manager, ReporterNotification, { id: n.id }, { deliveryAttempts: n.deliveryAttempts + 1 });
      }
    }
    return delivered;
  }

  start(intervalMs = 2_000): void {
    const tick = () =>
      void this.deliverPending()
        .catch(this.onError)
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running.catch(() => undefined);
  }
}
