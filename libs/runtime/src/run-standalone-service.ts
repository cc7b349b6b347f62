import type { ServiceDefinition } from './service-definition';

/** Starts one service alone in distributed mode (PostgreSQL or EventStoreDB store, Kafka, PostgreSQL tables). */
export async function runStandaloneService(service: ServiceDefinition): Promise<void> {
  throw new Error(`Standalone start of ${service.name} is being wired (libs/runtime/src/run-standalone-service.ts)`);
}
