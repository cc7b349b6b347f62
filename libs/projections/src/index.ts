export * from './projector';
export * from './projection-metrics';
export * from './projection-runner';
export * from './progress-bar';
export * from './resident-levels';
