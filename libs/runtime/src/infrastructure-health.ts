import { dataSourceIndicator, eventStoreIndicator, kafkaIndicator, type HealthRegistry } from '@gongzhi/platform';
import type { ServiceInfrastructure } from './service-definition';

/** Readiness of a service's adapters: its event store, its database and, in distributed mode, Kafka. */
export function registerInfrastructureHealth(health: HealthRegistry, infrastructure: ServiceInfrastructure): void {
  health.register(eventStoreIndicator(infrastructure.eventStore, `store:${infrastructure.service}`));
  health.register(dataSourceIndicator(infrastructure.dataSource, `readDb:${infrastructure.service}`));
  if (infrastructure.kafka) health.register(kafkaIndicator(infrastructure.kafka, `bus:${infrastructure.service}`));
}
