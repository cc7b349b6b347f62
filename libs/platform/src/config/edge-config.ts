import { z } from 'zod';
import { demoScaleVariable, integerVariable, oneOfVariable, portVariable } from './variables';

export const EXPOSURES = ['off', 'public', 'internal'] as const;
/** Where an operations endpoint answers: nowhere, on the public port, or only on the internal port. */
export type Exposure = (typeof EXPOSURES)[number];

/** Requests allowed per minute, per principal and (separately) per client address. */
export interface RateLimits {
  readonly caseReports: number;
  readonly open311Posts: number;
  readonly registrations: number;
  readonly photoUploads: number;
  readonly liveStreams: number;
}

export interface LoginLimits {
  /** Failed logins a client address may make in a minute, whatever usernames it tries. */
  readonly failuresPerAddressPerMinute: number;
  /** Password hashes (32 MiB each) running at once … */
  readonly hashConcurrency: number;
  /** … and waiting; more are answered 503 with Retry-After. */
  readonly hashQueue: number;
}

/** What a process shows the outside and how much it takes from it. */
export interface EdgeConfig {
  /** Demo accounts with their published passwords, the demo Open311 key, the demo city. */
  readonly demoData: boolean;
  readonly metrics: Exposure;
  readonly docs: Exposure;
  /** Where `internal` endpoints answer; required when one is `internal`. */
  readonly internalPort?: number;
  readonly rateLimits: RateLimits;
  readonly login: LoginLimits;
  /** Where the page may load images from beyond itself: the base map's tile server (GONGZHI_MAP_TILE_URL), if any. */
  readonly imageSources: readonly string[];
  /** The demo city's size (communities generated; null: the small city that ships) and the days of history built at first start. */
  /** lifeRate: moments of city life (a third of a simulated day's actions) the simulator adds per minute after the history; 0 = off. */
  readonly demoCity: { readonly communities: number | null; readonly historyDays: number; readonly lifeRate: number };
}

const perMinute = (max: number) => integerVariable({ min: 1, max });
const yesNo = oneOfVariable(['true', 'false', 'on', 'off', '1', '0']);

/**
 * The edge's variables, validated at start like every other: `loadConfig(edgeConfigSchema)`. The
 * defaults are generous — a resident, a busy officer and the test suites stay far below them — and
 * meant to stop floods, not people.
 */
export const edgeConfigSchema = z
  .object({
    GONGZHI_MODE: z.string().optional(),
    GONGZHI_DEMO_DATA: yesNo.optional(),
    GONGZHI_METRICS: oneOfVariable(EXPOSURES).default('public'),
    GONGZHI_DOCS: oneOfVariable(EXPOSURES).default('public'),
    GONGZHI_INTERNAL_PORT: portVariable().optional(),
    GONGZHI_RATE_LIMIT_CASE_REPORTS: perMinute(100_000).default(60),
    GONGZHI_RATE_LIMIT_OPEN311_POSTS: perMinute(100_000).default(60),
    GONGZHI_RATE_LIMIT_REGISTRATIONS: perMinute(100_000).default(30),
    GONGZHI_RATE_LIMIT_PHOTO_UPLOADS: perMinute(100_000).default(120),
    GONGZHI_RATE_LIMIT_LIVE_STREAMS: perMinute(100_000).default(60),
    GONGZHI_LOGIN_FAILURES_PER_ADDRESS: perMinute(100_000).default(30),
    GONGZHI_PASSWORD_HASH_CONCURRENCY: integerVariable({ min: 1, max: 64 }).default(4),
    GONGZHI_PASSWORD_HASH_QUEUE: integerVariable({ min: 0, max: 10_000 }).default(32),
    // Checked in full by grid-events, which serves it to the app; the edge only lets the browser load its tiles.
    GONGZHI_MAP_TILE_URL: z.string().optional(),
    GONGZHI_DEMO_SCALE: demoScaleVariable().optional(),
    GONGZHI_DEMO_HISTORY_DAYS: integerVariable({ min: 0, max: 365 }).default(90),
    GONGZHI_DEMO_LIFE_RATE: integerVariable({ min: 0, max: 60 }).default(0),
  })
  .superRefine(
    (env, ctx) => {
      const internal = (['GONGZHI_METRICS', 'GONGZHI_DOCS'] as const).filter((name) => env[name] === 'internal');
      if (internal.length > 0 && env.GONGZHI_INTERNAL_PORT === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['GONGZHI_INTERNAL_PORT'],
          message: `not set; required when ${internal.map((name) => `${name}=internal`).join(' or ')}: expected an integer between 1 and 65535`,
        });
      }
    },
    { when: () => true },
  )
  .transform((env): EdgeConfig => ({
    // Demo data is the embedded default's welcome; a distributed deployment is someone's real city.
    demoData: isDemoDataOn({ GONGZHI_MODE: env.GONGZHI_MODE, GONGZHI_DEMO_DATA: env.GONGZHI_DEMO_DATA }),
    metrics: env.GONGZHI_METRICS,
    docs: env.GONGZHI_DOCS,
    ...(env.GONGZHI_INTERNAL_PORT === undefined ? {} : { internalPort: env.GONGZHI_INTERNAL_PORT }),
    rateLimits: {
      caseReports: env.GONGZHI_RATE_LIMIT_CASE_REPORTS,
      open311Posts: env.GONGZHI_RATE_LIMIT_OPEN311_POSTS,
      registrations: env.GONGZHI_RATE_LIMIT_REGISTRATIONS,
      photoUploads: env.GONGZHI_RATE_LIMIT_PHOTO_UPLOADS,
      liveStreams: env.GONGZHI_RATE_LIMIT_LIVE_STREAMS,
    },
    login: {
      failuresPerAddressPerMinute: env.GONGZHI_LOGIN_FAILURES_PER_ADDRESS,
      hashConcurrency: env.GONGZHI_PASSWORD_HASH_CONCURRENCY,
      hashQueue: env.GONGZHI_PASSWORD_HASH_QUEUE,
    },
    imageSources: tileSourceOf(env.GONGZHI_MAP_TILE_URL),
    demoCity: {
      communities: env.GONGZHI_DEMO_SCALE ?? null,
      historyDays: env.GONGZHI_DEMO_HISTORY_DAYS,
      lifeRate: env.GONGZHI_DEMO_LIFE_RATE,
    },
  }));

/** The CSP source of a tile URL template: its scheme and host, a `{s}` subdomain as a wildcard (`https://*.tile.example`). */
function tileSourceOf(template: string | undefined): string[] {
  const match = template ? /^(https?):\/\/([^/?#]+)/.exec(template.trim()) : null;
  if (!match) return [];
  const host = match[2].replace(/^\{s\}\./, '*.');
  return /^[\w.*:-]+$/.test(host) ? [`${match[1]}://${host}`] : [];
}

/**
 * Whether demo data is asked for, for code that reads the environment itself (a service's settings):
 * `GONGZHI_DEMO_DATA` when set, else on in the embedded default and off in distributed mode.
 */
export function isDemoDataOn(env: Readonly<Record<string, string | undefined>>): boolean {
  const asked = env.GONGZHI_DEMO_DATA?.trim().toLowerCase();
  if (asked) return ['true', 'on', '1'].includes(asked);
  return env.GONGZHI_MODE?.trim().toLowerCase() !== 'distributed';
}

/** The defaults, as a process with none of the variables set gets them (tests). */
export const defaultEdgeConfig = (overrides: Partial<EdgeConfig> = {}): EdgeConfig => ({ ...edgeConfigSchema.parse({}), ...overrides });

/** The built-in issuer's settings this configuration sets (`IdentityModule.forEmbedded({ settings })`). */
export function issuerSettingsFor(edge: EdgeConfig) {
  return {
    loginFailuresPerAddressPerMinute: edge.login.failuresPerAddressPerMinute,
    passwordHashConcurrency: edge.login.hashConcurrency,
    passwordHashQueue: edge.login.hashQueue,
  };
}
