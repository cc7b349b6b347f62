/** How the built-in issuer behaves; `IdentityModule.forEmbedded` fills in the defaults. */
export interface IssuerSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** Login attempts allowed per username and client address within one minute. */
  readonly loginAttemptsPerMinute: number;
  /** Consecutive failures that lock an account … */
  readonly lockAfterFailures: number;
  /** … for this long. */
  readonly lockMinutes: number;
}

export const DEFAULT_ISSUER_SETTINGS: IssuerSettings = {
  issuer: 'gongzhi-embedded',
  audience: 'gongzhi',
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 14 * 24 * 60 * 60,
  loginAttemptsPerMinute: 10,
  lockAfterFailures: 5,
  lockMinutes: 15,
};

export const ISSUER_SETTINGS = Symbol('ISSUER_SETTINGS');
export const IDENTITY_DATA_SOURCE = Symbol('IDENTITY_DATA_SOURCE');
