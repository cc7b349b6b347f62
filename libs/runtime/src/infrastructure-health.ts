import { dataSourceIndicator, eventStoreIndicator, kafkaIndicator, type HealthRegistry } from '@gongzhi/platform';
import type { HostedInfrastructure } from './service-definition';

/** Readiness of a service's adapters: its event store, its database and, in distributed mode, Kafka. */
export function registerInfrastructureHealth(health: HealthRegistry, infrastructure: HostedInfrastructure): void {
  const name = 'service' in infrastructure ? infrastructure.service : infrastructure.name;
  if ('eventStore' in infrastructure) health.register(eventStoreIndicator(infrastructure.eventStore, `store:${name}`));
  health.register(dataSourceIndicator(infrastructure.dataSource, `readDb:${name}`));
  if (infrastructure.kafka) health.register(kafkaIndicator(infrastructure.kafka, `bus:${name}`));
}
