import { dataSourceIndicator, eventStoreIndicator, kafkaIndicator, type HealthRegistry, type PlatformMetrics } from '@gongzhi/platform';
import { ObservedEventStore } from './observed-event-store';
import type { HostedInfrastructure } from './service-definition';

/**
 * Readiness of a service's adapters: its event store and its database — what taking a command needs. Kafka (in
 * distributed mode) is reported on /health and in gongzhi_dependency_up but left out of readiness: the store is the
 * outbox, so commands go on while the broker is away and the relay catches up after; taking the API offline then
 * would only turn an outage of the bus into an outage of the city's front desk.
 */
export function registerInfrastructureHealth(health: HealthRegistry, infrastructure: HostedInfrastructure): void {
  const name = 'service' in infrastructure ? infrastructure.service : infrastructure.name;
  if ('eventStore' in infrastructure) health.register(eventStoreIndicator(infrastructure.eventStore, `store:${name}`));
  health.register(dataSourceIndicator(infrastructure.dataSource, `readDb:${name}`));
  if (infrastructure.kafka) health.register(kafkaIndicator(infrastructure.kafka, `bus:${name}`, { informational: true }));
}

/** Counts the events a service writes in `gongzhi_events_appended_total{service,type}`. */
export function countAppendedEvents(metrics: PlatformMetrics, infrastructure: HostedInfrastructure): void {
  if (!('eventStore' in infrastructure) || !(infrastructure.eventStore instanceof ObservedEventStore)) return;
  const service = infrastructure.service;
  infrastructure.eventStore.onWritten = (events) => events.forEach((event) => metrics.eventsAppended.inc({ service, type: event.type }));
}
