export * from './sqlite-connection';
export * from './sqlite-event-store';
