export { EventStoreDbEventStore, type EventStoreDbOptions } from './esdb-event-store';
