export * from './infra/free-port';
export * from './infra/postgres';
export * from './infra/kafka';
export * from './test-environment';
export * from './event-store-contract';
export * from './in-memory-event-store';
