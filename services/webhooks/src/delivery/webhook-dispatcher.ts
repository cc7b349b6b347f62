import { publicEvents, TOPICS, type PublicEvent } from '@gongzhi/contracts';
import type { Clock } from '@gongzhi/eventsourcing';
import type { ConsumerDefinition } from '@gongzhi/messaging';
import { WebhookSubscription } from '../webhook.entities';
import { enqueueDeliveries } from './enqueue-deliveries';

export const WEBHOOK_DISPATCHER = 'webhooks-dispatcher';

/**
 * Tails every public topic like a projector: the delivery rows it owes are written in the transaction that
 * records the events in its inbox and moves its position, so after a crash it neither loses an event nor
 * owes one twice. Sending is the sender's job, outside that transaction: a slow receiver never holds up the log.
 */
export function webhookDispatcher(clock: Clock, topics: readonly string[] = Object.values(TOPICS)): ConsumerDefinition<PublicEvent> {
  return {
    name: WEBHOOK_DISPATCHER,
    topics,
    parser: publicEvents,
    async handle(event, manager) {
      await enqueueDeliveries(manager, await manager.find(WebhookSubscription), [event], clock.now());
    },
    async handleBatch(events, manager) {
      await enqueueDeliveries(manager, await manager.find(WebhookSubscription), events, clock.now());
    },
  };
}
