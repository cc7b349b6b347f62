/** How the built-in issuer behaves; `IdentityModule.forEmbedded` fills in the defaults. */
export interface IssuerSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /**
   * How long a just-rotated refresh token may still be presented by the browser's cookie (two tabs
   * refreshing at once) and earn an access token without a new refresh token; later it counts as reuse.
   */
  readonly refreshReuseGraceSeconds: number;
  /** Login attempts allowed per username and client address within one minute. */
  readonly loginAttemptsPerMinute: number;
  /** Failed login attempts allowed per client address within one minute, whatever the usernames. */
  readonly loginFailuresPerAddressPerMinute: number;
  /** Failures in a row (per username and address) before each further one doubles the wait, … */
  readonly freeLoginFailures: number;
  /** … starting at this many seconds … */
  readonly firstLoginDelaySeconds: number;
  /** … up to this many. */
  readonly maxLoginDelaySeconds: number;
  /** Password hashes (32 MiB each) running at once; more wait in line … */
  readonly passwordHashConcurrency: number;
  /** … up to this many; more are answered 503 with Retry-After. */
  readonly passwordHashQueue: number;
}

export const DEFAULT_ISSUER_SETTINGS: IssuerSettings = {
  issuer: 'gongzhi-embedded',
  audience: 'gongzhi',
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 14 * 24 * 60 * 60,
  refreshReuseGraceSeconds: 10,
  loginAttemptsPerMinute: 10,
  loginFailuresPerAddressPerMinute: 30,
  freeLoginFailures: 3,
  firstLoginDelaySeconds: 1,
  maxLoginDelaySeconds: 15 * 60,
  passwordHashConcurrency: 4,
  passwordHashQueue: 32,
};

export const ISSUER_SETTINGS = Symbol('ISSUER_SETTINGS');
export const IDENTITY_DATA_SOURCE = Symbol('IDENTITY_DATA_SOURCE');
