import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { PublicEvent } from '@gongzhi/contracts';
import { matchesSubscription } from '../subscriptions/subscription-filter';
import { topicOf } from '../subscriptions/webhook-event-types';
import { WebhookDelivery, WebhookSubscription } from '../webhook.entities';

export function interestOf(subscription: WebhookSubscription) {
  return {
    eventTypes: JSON.parse(subscription.eventTypes) as string[],
    departmentId: subscription.departmentId,
    streetId: subscription.streetId,
  };
}

function deliveryRow(subscription: WebhookSubscription, event: PublicEvent, now: string): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: randomUUID(),
    subscriptionId: subscription.id,
    eventId: event.eventId,
    eventType: event.type,
    topic: topicOf(event.type) ?? 'unknown',
    position: event.globalPosition ?? null,
    body: JSON.stringify(event),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastStatusCode: null,
    lastError: null,
    lastAttemptAt: null,
    deliveredAt: null,
    createdAt: now,
  });
}

/**
 * Owes each event to every subscription (active or paused: a paused one gets them when resumed) that wants
 * it. A delivery that already exists is kept as it is (`replace` false: the dispatcher seeing an event
 * again) or sent again from its first attempt (`replace` true: a replay).
 */
export async function enqueueDeliveries(
  manager: EntityManager,
  subscriptions: readonly WebhookSubscription[],
  events: readonly PublicEvent[],
  now: Date,
  replace = false,
): Promise<number> {
  const at = now.toISOString();
  const rows = events.flatMap((event) =>
    subscriptions.filter((s) => matchesSubscription(interestOf(s), event)).map((s) => deliveryRow(s, event, at)),
  );
  if (rows.length === 0) return 0;
  if (replace) {
    for (const row of rows) {
      const { affected } = await manager.update(
        WebhookDelivery,
        { subscriptionId: row.subscriptionId, eventId: row.eventId },
        { status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, lastStatusCode: null, deliveredAt: null },
      );
      if (!affected) await manager.insert(WebhookDelivery, row);
    }
    return rows.length;
  }
  for (let i = 0; i < rows.length; i += 200) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      .values(rows.slice(i, i + 200))
      .orIgnore()
      .execute();
  }
  return rows.length;
}
