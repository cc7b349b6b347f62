import { Kafka, logLevel, type logCreator } from 'kafkajs';
import { PinoLogger, type LogConfig } from '@gongzhi/platform';

/**
 * kafkajs' log entries as the platform's log lines (`{time, level, service, msg, context: 'kafkajs', …}`), so a
 * collector reads one shape from a process; kafkajs' own errors (a lost connection, a rebalance) are among them.
 */
export function kafkaLogCreator(logger: PinoLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log as { message: string; timestamp?: string; logger?: string };
      const entry = { msg: namespace ? `[${namespace}] ${message}` : message, ...fields };
      if (level === logLevel.ERROR) logger.error(entry, 'kafkajs');
      else if (level === logLevel.WARN) logger.warn(entry, 'kafkajs');
      else if (level === logLevel.INFO) logger.log(entry, 'kafkajs');
      else logger.debug(entry, 'kafkajs');
    };
}

/**
 * The service's Kafka client. The default partitioner is kept (keys are stream ids; order per stream is what
 * matters), so its start-up warning says nothing to act on and is turned off.
 */
export function serviceKafka(service: string, brokers: readonly string[], log: LogConfig = { level: 'warn', format: 'json' }): Kafka {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const logger = new PinoLogger({ service, level: log.level, format: log.format });
  return new Kafka({
    clientId: `gongzhi-${service}`,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
    // kafkajs' default backs off up to 30 s between reconnects, so a broker back after 5 s was noticed after 30–40 s.
    // Tries at most a second apart find it within a second of its return.
    retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 10 },
  });
}
