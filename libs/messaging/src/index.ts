export * from './wire-format';
export * from './event-parser';
export * from './consumer-state.entities';
export * from './consumer-state-store';
export * from './consumer-definition';
export * from './kafka-relay';
export * from './kafka-event-bus';
export * from './in-process-event-bus';
export { isTransientFailure } from './transient-failure';
