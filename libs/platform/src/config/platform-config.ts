import { resolve } from 'node:path';
import { z } from 'zod';
import { hostPortListVariable, integerVariable, oneOfVariable, portVariable, textVariable, urlVariable } from './variables';

export const RUN_MODES = ['embedded', 'distributed'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

/** From most to least verbose; `log` is Nest's name for `info` and is accepted for it. */
export const LOG_LEVELS = ['verbose', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const PG_EXAMPLE = 'postgres://gongzhi:secret@localhost:5432/gongzhi';
const ESDB_EXAMPLE = 'esdb://localhost:2113?tls=false';

/**
 * The variables every process reads, keyed by name. Values that depend on the mode (the store, the
 * log format) stay unset here; `platformConfigSchema` fills them in.
 */
export const platformEnvironmentSchema = z
  .object({
    PORT: portVariable().default(3000),
    GONGZHI_MODE: oneOfVariable(RUN_MODES).default('embedded'),
    GONGZHI_DATA_DIR: textVariable('expected a folder path').default('./.data'),
    GONGZHI_EVENT_STORE: oneOfVariable(EVENT_STORE_KINDS).optional(),
    GONGZHI_EVENTSTORE_URL: urlVariable({ protocols: ['esdb:', 'esdb+discover:'], example: ESDB_EXAMPLE }).optional(),
    GONGZHI_PG_URL: urlVariable({ protocols: ['postgres:', 'postgresql:'], example: PG_EXAMPLE }).optional(),
    GONGZHI_KAFKA_BROKERS: hostPortListVariable('kafka-1:9092,kafka-2:9092').optional(),
    // Within the broker's group.min/max.session.timeout.ms; the broker refuses a consumer outside them.
    GONGZHI_KAFKA_SESSION_TIMEOUT_MS: integerVariable({ min: 1_000, max: 300_000 }).optional(),
    GONGZHI_LOG_LEVEL: oneOfVariable([...LOG_LEVELS, 'log']).default('info'),
    GONGZHI_LOG_FORMAT: oneOfVariable(LOG_FORMATS).optional(),
  })
  .superRefine(
    (env, ctx) => {
      const required = (variable: keyof typeof env, when: string, expected: string) => {
        if (env[variable] === undefined)
          ctx.addIssue({ code: 'custom', path: [variable], message: `not set; required when ${when}: ${expected}` });
      };
      const distributed = env.GONGZHI_MODE === 'distributed';
      if (distributed) {
        required('GONGZHI_KAFKA_BROKERS', 'GONGZHI_MODE=distributed', 'expected a comma-separated list of host:port, such as kafka-1:9092');
      }
      if (env.GONGZHI_EVENT_STORE === 'eventstoredb') {
        required('GONGZHI_EVENTSTORE_URL', 'GONGZHI_EVENT_STORE=eventstoredb', `expected a URL such as ${ESDB_EXAMPLE}`);
      }
      if (distributed && env.GONGZHI_EVENT_STORE === 'sqlite') {
        ctx.addIssue({
          code: 'custom',
          path: ['GONGZHI_EVENT_STORE'],
          message: 'sqlite is the embedded store; with GONGZHI_MODE=distributed expected postgres (the default) or eventstoredb',
        });
      }
      const needsPostgres = [
        ...(env.GONGZHI_EVENT_STORE === 'postgres' ? ['GONGZHI_EVENT_STORE=postgres'] : []),
        ...(distributed ? ['GONGZHI_MODE=distributed (read models)'] : []),
      ];
      if (needsPostgres.length > 0) required('GONGZHI_PG_URL', needsPostgres.join(' or '), `expected a URL such as ${PG_EXAMPLE}`);
    },
    // Cross-field rules run even when some variable is bad on its own, so one start-up names them all.
    { when: () => true },
  );

export type PlatformEnvironment = z.output<typeof platformEnvironmentSchema>;

export type EventStoreConfig =
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'eventstoredb'; readonly url: string };

export type ReadModelConfig = { readonly kind: 'sqlite' } | { readonly kind: 'postgres'; readonly url: string };

export type BusConfig =
  | { readonly kind: 'in-process' }
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      /** How long a consumer killed without a goodbye keeps its partitions; unset, the bus's default (6 s). */
      readonly sessionTimeoutMs?: number;
    };

export interface LogConfig {
  readonly level: LogLevelName;
  readonly format: LogFormat;
}

/** One process's validated configuration: which adapters to run and where they are. */
export interface PlatformConfig {
  readonly port: number;
  readonly mode: RunMode;
  /** Absolute; SQLite files, media and the embedded issuer's secret live here. */
  readonly dataDir: string;
  readonly eventStore: EventStoreConfig;
  readonly readModels: ReadModelConfig;
  readonly bus: BusConfig;
  /** The PostgreSQL server, when the store or the read models use one. */
  readonly postgresUrl?: string;
  readonly log: LogConfig;
}

/** Every process's configuration: `loadConfig(platformConfigSchema)`. */
export const platformConfigSchema = platformEnvironmentSchema.transform(toPlatformConfig);

function toPlatformConfig(env: PlatformEnvironment): PlatformConfig {
  const mode = env.GONGZHI_MODE;
  const distributed = mode === 'distributed';
  const postgresUrl = env.GONGZHI_PG_URL;
  // PostgreSQL is the distributed default: the read models need it anyway, so a set needs no other server.
  const storeKind = env.GONGZHI_EVENT_STORE ?? (distributed ? 'postgres' : 'sqlite');
  // superRefine has made sure the URLs each choice needs are there.
  const eventStore: EventStoreConfig =
    storeKind === 'sqlite'
      ? { kind: 'sqlite' }
      : storeKind === 'postgres'
        ? { kind: 'postgres', url: postgresUrl! }
        : { kind: 'eventstoredb', url: env.GONGZHI_EVENTSTORE_URL! };
  return {
    port: env.PORT,
    mode,
    dataDir: resolve(env.GONGZHI_DATA_DIR),
    eventStore,
    readModels: distributed ? { kind: 'postgres', url: postgresUrl! } : { kind: 'sqlite' },
    bus: distributed
      ? {
          kind: 'kafka',
          brokers: env.GONGZHI_KAFKA_BROKERS!,
          ...(env.GONGZHI_KAFKA_SESSION_TIMEOUT_MS === undefined ? {} : { sessionTimeoutMs: env.GONGZHI_KAFKA_SESSION_TIMEOUT_MS }),
        }
      : { kind: 'in-process' },
    ...(postgresUrl === undefined ? {} : { postgresUrl }),
    log: {
      level: env.GONGZHI_LOG_LEVEL === 'log' ? 'info' : env.GONGZHI_LOG_LEVEL,
      format: env.GONGZHI_LOG_FORMAT ?? (distributed ? 'json' : 'pretty'),
    },
  };
}
