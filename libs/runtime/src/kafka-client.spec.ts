import { logLevel } from 'kafkajs';
import { PinoLogger } from '@gongzhi/platform';
import { kafkaLogCreator } from './kafka-client';

/** One log shape per process: kafkajs' entries come out as the platform's lines, its errors included. */
describe("kafkajs' log entries", () => {
  it('are written as the platform logger writes, with their fields, at their level', () => {
    const lines: string[] = [];
    const logger = new PinoLogger({ service: 'points', level: 'info', format: 'json', write: (line) => lines.push(line), now: () => new Date('2026-03-01T08:00:00Z') });
    const log = kafkaLogCreator(logger)(logLevel.WARN);

    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: '2026-03-01T08:00:00.000Z', logger: 'kafkajs', message: 'Response Metadata(key: 3, version: 6)', broker: '127.0.0.1:9092', error: 'This server does not host this topic-partition' },
    });

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        time: '2026-03-01T08:00:00.000Z',
        level: 'error',
        service: 'points',
        context: 'kafkajs',
        msg: '[Connection] Response Metadata(key: 3, version: 6)',
        broker: '127.0.0.1:9092',
        error: 'This server does not host this topic-partition',
      },
    ]);
  });
});
