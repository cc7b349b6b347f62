import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import {
  AuthGuard,
  CLOCK,
  DEFAULT_ISSUER_SETTINGS,
  Hs256TokenVerifier,
  IdentityErrorFilter,
  IdentityModule,
  MIN_HS256_SECRET_BYTES,
  READ_ONLY_ACCOUNTS,
  ReadOnlyAccounts,
  ReadOnlyAccountsCloser,
  systemClock,
  TOKEN_VERIFIER,
} from '@gongzhi/identity';
import { ConfigurationError } from '@gongzhi/platform';

/** The secret the set's issuer signs with and every service of the set verifies with. */
export const AUTH_SECRET_VARIABLE = 'GONGZHI_AUTH_SECRET';
/** Where the set's accounts are read, when not in GONGZHI_PG_URL's database (e.g. as a role that may only read them). */
export const IDENTITY_PG_URL_VARIABLE = 'GONGZHI_IDENTITY_PG_URL';
/** The PostgreSQL schema of the set's accounts and refresh tokens. */
export const IDENTITY_SCHEMA = 'identity';

@Module({})
class SetIdentityModule {}

/**
 * How a service started alone knows who is calling. It never issues tokens itself: accounts live in one
 * place for the whole set, so a token is good at every service and survives any restart.
 *
 * - GONGZHI_AUTH_JWKS_URL: an external provider's tokens, checked against its JWKS;
 * - otherwise the set's own issuer (`dist/services/identity/src/main.js`), whose HS256 tokens are checked with
 *   GONGZHI_AUTH_SECRET — the same value in the issuer and in every service. The issuer's accounts are then
 *   the set's register of residents: `READ_ONLY_ACCOUNTS` reads them (schema `identity` of GONGZHI_IDENTITY_PG_URL,
 *   else of GONGZHI_PG_URL) for a service that must know who is a verified resident where. An external provider's
 *   accounts are nowhere in the set, so with JWKS there is no such reader.
 */
export function standaloneIdentity(env: NodeJS.ProcessEnv): DynamicModule {
  const jwksUrl = env['GONGZHI_AUTH_JWKS_URL'];
  if (jwksUrl) {
    const issuer = env['GONGZHI_AUTH_ISSUER'];
    const audience = env['GONGZHI_AUTH_AUDIENCE'];
    const problems = [
      ...(URL.canParse(jwksUrl) ? [] : [`GONGZHI_AUTH_JWKS_URL: expected a URL, got "${jwksUrl}"`]),
      ...(issuer ? [] : ['GONGZHI_AUTH_ISSUER: not set; required with GONGZHI_AUTH_JWKS_URL (the `iss` the provider puts in its tokens)']),
      ...(audience
        ? []
        : ['GONGZHI_AUTH_AUDIENCE: not set; required with GONGZHI_AUTH_JWKS_URL (the `aud` tokens must carry for this API)']),
    ];
    if (problems.length > 0) throw new ConfigurationError(problems);
    return IdentityModule.forJwks({ jwksUrl, issuer: issuer!, audience: audience! });
  }
  const secret = requireAuthSecret(env);
  const { issuer, audience } = DEFAULT_ISSUER_SETTINGS;
  const verifier = new Hs256TokenVerifier(secret, { issuer, audience, clock: systemClock });
  const accountsUrl = setAccountsUrl(env);
  const accounts = accountsUrl
    ? [
        { provide: READ_ONLY_ACCOUNTS, useValue: new ReadOnlyAccounts({ url: accountsUrl, schema: IDENTITY_SCHEMA }) },
        ReadOnlyAccountsCloser,
      ]
    : [];
  return {
    module: SetIdentityModule,
    global: true,
    providers: [
      { provide: TOKEN_VERIFIER, useValue: verifier },
      { provide: CLOCK, useValue: systemClock },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: IdentityErrorFilter },
      ...accounts,
    ],
    exports: [TOKEN_VERIFIER, CLOCK, ...(accountsUrl ? [READ_ONLY_ACCOUNTS] : [])],
  };
}

/** The database of the set's accounts: GONGZHI_IDENTITY_PG_URL when given (checked), else the set's GONGZHI_PG_URL. */
function setAccountsUrl(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env[IDENTITY_PG_URL_VARIABLE];
  if (explicit) {
    if (!URL.canParse(explicit)) throw new ConfigurationError([`${IDENTITY_PG_URL_VARIABLE}: expected a postgres:// URL`]);
    return explicit;
  }
  return env['GONGZHI_PG_URL'] || undefined;
}

/** GONGZHI_AUTH_SECRET, checked: a process of the set never makes up a secret of its own. */
export function requireAuthSecret(env: NodeJS.ProcessEnv): string {
  const secret = env[AUTH_SECRET_VARIABLE];
  if (!secret) {
    throw new ConfigurationError([
      `${AUTH_SECRET_VARIABLE}: not set; required in distributed mode unless GONGZHI_AUTH_JWKS_URL names an external provider: ` +
        `the same secret (at least ${MIN_HS256_SECRET_BYTES} bytes) in the identity service and in every service of the set`,
    ]);
  }
  if (Buffer.byteLength(secret) < MIN_HS256_SECRET_BYTES) {
    throw new ConfigurationError([`${AUTH_SECRET_VARIABLE}: expected at least ${MIN_HS256_SECRET_BYTES} bytes`]);
  }
  return secret;
}
