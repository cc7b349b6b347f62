import { resolve } from 'node:path';
import { ConfigurationError } from './configuration-error';
import { loadConfig } from './load-config';
import { platformConfigSchema } from './platform-config';

const load = (env: Record<string, string>) => loadConfig(platformConfigSchema, env);

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected a ConfigurationError');
}

const DISTRIBUTED = {
  GONGZHI_MODE: 'distributed',
  GONGZHI_EVENT_STORE: 'postgres',
  GONGZHI_PG_URL: 'postgres://gongzhi:pw@db:5432/gongzhi',
  GONGZHI_KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
};

describe('platform configuration', () => {
  describe('embedded (nothing set)', () => {
    it('runs on SQLite under ./.data, the in-process bus, port 3000 and readable logs', () => {
      expect(load({})).toEqual({
        port: 3000,
        mode: 'embedded',
        dataDir: resolve('.data'),
        eventStore: { kind: 'sqlite' },
        readModels: { kind: 'sqlite' },
        bus: { kind: 'in-process' },
        log: { level: 'info', format: 'pretty' },
      });
    });

    it('can keep its events in PostgreSQL, which then needs GONGZHI_PG_URL', () => {
      expect(problemsOf({ GONGZHI_EVENT_STORE: 'postgres' })).toEqual([
        'GONGZHI_PG_URL: not set; required when GONGZHI_EVENT_STORE=postgres: expected a URL such as postgres://gongzhi:secret@localhost:5432/gongzhi',
      ]);
      expect(load({ GONGZHI_EVENT_STORE: 'Postgres', GONGZHI_PG_URL: 'postgresql://localhost/g' })).toMatchObject({
        eventStore: { kind: 'postgres', url: 'postgresql://localhost/g' },
        readModels: { kind: 'sqlite' },
        postgresUrl: 'postgresql://localhost/g',
      });
    });
  });

  describe('distributed', () => {
    it('runs on the chosen store, PostgreSQL read models and Kafka, logging JSON', () => {
      expect(load(DISTRIBUTED)).toMatchObject({
        mode: 'distributed',
        eventStore: { kind: 'postgres', url: DISTRIBUTED.GONGZHI_PG_URL },
        readModels: { kind: 'postgres', url: DISTRIBUTED.GONGZHI_PG_URL },
        bus: { kind: 'kafka', brokers: ['kafka-1:9092', 'kafka-2:9092'] },
        log: { level: 'info', format: 'json' },
      });
    });

    it("takes the consumer groups' session timeout when given, and refuses one a broker never allows", () => {
      expect(load({ ...DISTRIBUTED, GONGZHI_KAFKA_SESSION_TIMEOUT_MS: '3000' }).bus).toEqual({
        kind: 'kafka',
        brokers: ['kafka-1:9092', 'kafka-2:9092'],
        sessionTimeoutMs: 3000,
      });
      expect(load(DISTRIBUTED).bus).not.toHaveProperty('sessionTimeoutMs');
      expect(problemsOf({ ...DISTRIBUTED, GONGZHI_KAFKA_SESSION_TIMEOUT_MS: '3s' })).toEqual([
        'GONGZHI_KAFKA_SESSION_TIMEOUT_MS: expected an integer between 1000 and 300000, got "3s"',
      ]);
    });

    it('names each variable it cannot run without', () => {
      expect(problemsOf({ GONGZHI_MODE: 'distributed' })).toEqual([
        'GONGZHI_KAFKA_BROKERS: not set; required when GONGZHI_MODE=distributed: expected a comma-separated list of host:port, such as kafka-1:9092',
        'GONGZHI_PG_URL: not set; required when GONGZHI_MODE=distributed (read models): expected a URL such as postgres://gongzhi:secret@localhost:5432/gongzhi',
      ]);
    });

    it('keeps its events in PostgreSQL unless told otherwise, and refuses the embedded SQLite store', () => {
      const { GONGZHI_EVENT_STORE: _, ...env } = DISTRIBUTED;

      expect(load(env).eventStore).toEqual({ kind: 'postgres', url: DISTRIBUTED.GONGZHI_PG_URL });
      expect(problemsOf({ ...env, GONGZHI_EVENT_STORE: 'sqlite' })).toEqual([
        'GONGZHI_EVENT_STORE: sqlite is the embedded store; with GONGZHI_MODE=distributed expected postgres (the default) or eventstoredb, got "sqlite"',
      ]);
    });

    it('needs GONGZHI_EVENTSTORE_URL for EventStoreDB', () => {
      const env = { ...DISTRIBUTED, GONGZHI_EVENT_STORE: 'eventstoredb' };

      expect(problemsOf(env)).toEqual([
        'GONGZHI_EVENTSTORE_URL: not set; required when GONGZHI_EVENT_STORE=eventstoredb: expected a URL such as esdb://localhost:2113?tls=false',
      ]);
      expect(load({ ...env, GONGZHI_EVENTSTORE_URL: 'esdb://esdb:2113?tls=false' }).eventStore).toEqual({
        kind: 'eventstoredb',
        url: 'esdb://esdb:2113?tls=false',
      });
    });

    it('names the PostgreSQL store as a second reason to need GONGZHI_PG_URL', () => {
      const { GONGZHI_PG_URL: _, ...env } = DISTRIBUTED;

      expect(problemsOf(env)).toEqual([
        'GONGZHI_PG_URL: not set; required when GONGZHI_EVENT_STORE=postgres or GONGZHI_MODE=distributed (read models): expected a URL such as postgres://gongzhi:secret@localhost:5432/gongzhi',
      ]);
    });

    it('lets the log format and level be chosen', () => {
      expect(load({ ...DISTRIBUTED, GONGZHI_LOG_FORMAT: 'pretty', GONGZHI_LOG_LEVEL: 'debug' }).log).toEqual({
        level: 'debug',
        format: 'pretty',
      });
      expect(load({ GONGZHI_LOG_LEVEL: 'log' }).log.level).toBe('info');
    });
  });

  it('lists every bad value at once, each with what it expects and what it got', () => {
    expect(
      problemsOf({
        PORT: 'abc',
        GONGZHI_MODE: 'cluster',
        GONGZHI_EVENT_STORE: 'mongodb',
        GONGZHI_EVENTSTORE_URL: 'http://esdb:2113',
        GONGZHI_PG_URL: 'mysql://db/x',
        GONGZHI_KAFKA_BROKERS: 'kafka-1:9092,kafka-2',
        GONGZHI_LOG_LEVEL: 'loud',
        GONGZHI_LOG_FORMAT: 'xml',
      }),
    ).toEqual([
      'PORT: expected an integer between 1 and 65535, got "abc"',
      'GONGZHI_MODE: expected one of embedded, distributed, got "cluster"',
      'GONGZHI_EVENT_STORE: expected one of sqlite, postgres, eventstoredb, got "mongodb"',
      'GONGZHI_EVENTSTORE_URL: expected a URL starting with esdb:// or esdb+discover://, such as esdb://localhost:2113?tls=false, got "http://esdb:2113"',
      'GONGZHI_PG_URL: expected a URL starting with postgres:// or postgresql://, such as postgres://gongzhi:secret@localhost:5432/gongzhi, got "mysql://db/x"',
      'GONGZHI_KAFKA_BROKERS: expected a comma-separated list of host:port, such as kafka-1:9092,kafka-2:9092, got "kafka-1:9092,kafka-2"',
      'GONGZHI_LOG_LEVEL: expected one of verbose, debug, info, warn, error, fatal, log, got "loud"',
      'GONGZHI_LOG_FORMAT: expected one of json, pretty, got "xml"',
    ]);
  });
});
