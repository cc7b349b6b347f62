export * from './service-definition';
export * from './scheduled-command.entity';
export * from './durable-scheduler';
export * from './embedded-platform';
export * from './distributed-service';
export * from './compose-host-module';
export * from './infrastructure-health';
export * from './run-standalone-service';
