import type { ReadModelInfrastructure, ReadModelServiceDefinition } from '@gongzhi/runtime';
import { MIGRATIONS } from './migrations';
import { WEBHOOK_ENTITIES } from './webhook.entities';
import { webhooksModule } from './webhooks.module';

export { webhooksModule, WebhooksModule } from './webhooks.module';
export { WebhooksRuntime, type WebhooksInfrastructure } from './webhooks.runtime';
export { WEBHOOKS_RUNTIME } from './tokens';
export { signWebhook, generateSigningSecret } from './delivery/webhook-signature';
export { MAX_DELIVERY_ATTEMPTS, nextAttemptDelaySeconds } from './delivery/backoff';
export { WEBHOOK_EVENT_TYPES } from './subscriptions/webhook-event-types';
export { WEBHOOK_ENTITIES } from './webhook.entities';

/**
 * Outbound webhooks as a host sees them: a read-model service, like the dashboards, rather than a lib. It
 * owns tables (subscriptions, deliveries, attempts) with their migrations, consumes every public topic with
 * a position of its own, and runs as its own process in distributed mode; that is a service's shape here,
 * and it owns no events, so it is not an event-sourced `ServiceDefinition`.
 */
export const webhooksService: ReadModelServiceDefinition = {
  name: 'webhooks',
  kind: 'read-model',
  entities: WEBHOOK_ENTITIES,
  migrations: MIGRATIONS,
  module: (infrastructure: ReadModelInfrastructure) => webhooksModule(infrastructure),
};
