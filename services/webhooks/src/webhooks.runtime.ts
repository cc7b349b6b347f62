import { randomUUID } from 'node:crypto';
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { publicEvents, type PublicEvent } from '@gongzhi/contracts';
import { DomainError, type Clock, type EventStore } from '@gongzhi/eventsourcing';
import type { ConsumerStateStore, EventBus, RunningConsumer } from '@gongzhi/messaging';
import { enqueueDeliveries, interestOf } from './delivery/enqueue-deliveries';
import { webhookDispatcher } from './delivery/webhook-dispatcher';
import { generateSigningSecret } from './delivery/webhook-signature';
import { WebhookSender } from './delivery/webhook-sender';
import type { CreateSubscriptionRequest, ReplayRequest } from './subscriptions/subscription.requests';
import { topicOf } from './subscriptions/webhook-event-types';
import { WebhookAttempt, WebhookDelivery, WebhookSubscription } from './webhook.entities';

/** What the webhooks run on: a read-model service's infrastructure (libs/runtime), and the sender's limits. */
export interface WebhooksInfrastructure {
  readonly dataSource: DataSource;
  readonly state: ConsumerStateStore;
  readonly bus: EventBus;
  readonly clock: Clock;
  /** Topic → the store whose log it is (embedded): replay then reads the log itself. */
  readonly eventStores?: Readonly<Record<string, EventStore>>;
  readonly timeoutMs?: number;
  readonly pollIntervalMs?: number;
}

export function subscriptionView(s: WebhookSubscription) {
  return {
    id: s.id,
    url: s.url,
    eventTypes: interestOf(s).eventTypes,
    filter: { departmentId: s.departmentId, streetId: s.streetId },
    status: s.status,
    pausedReason: s.pausedReason,
    createdAt: s.createdAt,
  };
}

const REPLAY_PAGE = 500;

/** Subscriptions, the dispatcher over the public topics and the sender, as one piece the module starts and stops. */
export class WebhooksRuntime {
  readonly sender: WebhookSender;
  private consumer?: RunningConsumer;

  constructor(private readonly infrastructure: WebhooksInfrastructure) {
    this.sender = new WebhookSender({
      dataSource: infrastructure.dataSource,
      clock: infrastructure.clock,
      timeoutMs: infrastructure.timeoutMs,
      pollIntervalMs: infrastructure.pollIntervalMs,
    });
  }

  async start(): Promise<void> {
    // Embedded, the topics are the logs of the services this process hosts; distributed, every public topic.
    const topics = this.infrastructure.eventStores ? Object.keys(this.infrastructure.eventStores) : undefined;
    this.consumer = await this.infrastructure.bus.start(webhookDispatcher(this.infrastructure.clock, topics), {
      state: this.infrastructure.state,
      // New deliveries are committed: send them now rather than at the next poll.
      onProgress: () => void this.sender.sendDue().catch(() => undefined),
    });
    this.sender.start();
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.sender.stop();
  }

  private get repo() {
    return this.infrastructure.dataSource.getRepository(WebhookSubscription);
  }

  async create(request: CreateSubscriptionRequest, createdBy: string) {
    const subscription = Object.assign(new WebhookSubscription(), {
      id: randomUUID(),
      url: request.url,
      eventTypes: JSON.stringify([...new Set(request.eventTypes)]),
      departmentId: request.filter?.departmentId ?? null,
      streetId: request.filter?.streetId ?? null,
      secret: generateSigningSecret(),
      status: 'active' as const,
      pausedReason: null,
      createdBy,
      createdAt: this.infrastructure.clock.now().toISOString(),
    });
    await this.repo.insert(subscription);
    return { ...subscriptionView(subscription), secret: subscription.secret };
  }

  async list() {
    return (await this.repo.find({ order: { createdAt: 'ASC' } })).map(subscriptionView);
  }

  async get(id: string): Promise<WebhookSubscription> {
    const subscription = await this.repo.findOneBy({ id });
    if (!subscription) throw new DomainError('WEBHOOKS.SUBSCRIPTION.NOT_FOUND', `No webhook subscription ${id}`, { id });
    return subscription;
  }

  async setStatus(id: string, status: 'active' | 'paused') {
    const subscription = await this.get(id);
    await this.repo.update({ id }, { status, pausedReason: status === 'paused' ? 'paused by an admin' : null });
    if (status === 'active') void this.sender.sendDue().catch(() => undefined);
    return subscriptionView({ ...subscription, status, pausedReason: status === 'paused' ? 'paused by an admin' : null });
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.infrastructure.dataSource.transaction(async (manager) => {
      const deliveries = await manager.find(WebhookDelivery, { where: { subscriptionId: id }, select: { id: true } });
      for (let i = 0; i < deliveries.length; i += 500) {
        await manager.delete(WebhookAttempt, { deliveryId: In(deliveries.slice(i, i + 500).map((d) => d.id)) });
      }
      await manager.delete(WebhookDelivery, { subscriptionId: id });
      await manager.delete(WebhookSubscription, { id });
    });
  }

  /** The latest deliveries, newest first, each with its last attempts. */
  async deliveries(id: string, limit = 50) {
    await this.get(id);
    const deliveries = await this.infrastructure.dataSource.getRepository(WebhookDelivery).find({
      where: { subscriptionId: id },
      order: { createdAt: 'DESC', position: 'DESC' },
      take: limit,
    });
    const attempts = deliveries.length
      ? await this.infrastructure.dataSource.getRepository(WebhookAttempt).find({
          where: { deliveryId: In(deliveries.map((d) => d.id)) },
          order: { id: 'DESC' },
        })
      : [];
    return deliveries.map((d) => ({
      eventId: d.eventId,
      eventType: d.eventType,
      topic: d.topic,
      position: d.position,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.nextAttemptAt,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt,
      deliveredAt: d.deliveredAt,
      lastAttempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .slice(0, 5)
        .map((a) => ({ at: a.at, outcome: a.outcome, statusCode: a.statusCode, error: a.error })),
    }));
  }

  /**
   * Owes the subscription again every event it wants from `fromPosition` on (inclusive), in each topic its
   * types come from (or the one named). Embedded, the log itself is read, so events from before the
   * subscription are sent too; where the logs are elsewhere (distributed) the deliveries already owed from
   * that position are sent again.
   */
  async replay(id: string, request: ReplayRequest): Promise<{ enqueued: number }> {
    const subscription = await this.get(id);
    const topics = [
      ...new Set(
        interestOf(subscription)
          .eventTypes.map(topicOf)
          .filter((t): t is NonNullable<typeof t> => !!t),
      ),
    ].filter((topic) => !request.topic || topic === request.topic);
    const now = this.infrastructure.clock.now();
    let enqueued = 0;
    for (const topic of topics) {
      const store = this.infrastructure.eventStores?.[topic];
      if (!store) {
        const { affected } = await this.infrastructure.dataSource
          .getRepository(WebhookDelivery)
          .update(
            { subscriptionId: id, topic, position: MoreThanOrEqual(request.fromPosition) },
            { status: 'pending', attempts: 0, nextAttemptAt: now.toISOString(), lastError: null, lastStatusCode: null, deliveredAt: null },
          );
        enqueued += affected ?? 0;
        continue;
      }
      for (let after = request.fromPosition - 1; ;) {
        const page = await store.readAll({ after, limit: REPLAY_PAGE });
        if (page.length === 0) break;
        after = page[page.length - 1].globalPosition;
        const events = page.flatMap((recorded) => {
          const parsed = publicEvents.parse(recorded);
          return parsed.kind === 'ok' ? [parsed.event as PublicEvent] : [];
        });
        enqueued += await this.infrastructure.dataSource.transaction((manager) =>
          enqueueDeliveries(manager, [subscription], events, now, true),
        );
      }
    }
    void this.sender.sendDue().catch(() => undefined);
    return { enqueued };
  }
}
