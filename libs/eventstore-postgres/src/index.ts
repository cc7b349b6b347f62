export * from './postgres-event-store';
export { POSITIONS_PER_TRANSACTION } from './postgres-schema';
