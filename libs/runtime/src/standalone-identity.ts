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
  systemClock,
  TOKEN_VERIFIER,
} from '@gongzhi/identity';
import { ConfigurationError } from '@gongzhi/platform';

/** The secret the set's issuer signs with and every service of the set verifies with. */
export const AUTH_SECRET_VARIABLE = 'GONGZHI_AUTH_SECRET';

@Module({})
class SetIdentityModule {}

/**
 * How a service started alone knows who is calling. It never issues tokens itself: accounts live in one
 * place for the whole set, so a token is good at every service and survives any restart.
 *
 * - GONGZHI_AUTH_JWKS_URL: an external provider's tokens, checked against its JWKS;
 * - otherwise the set's own issuer (`dist/services/identity/src/main.js`), whose HS256 tokens are checked with
 *   GONGZHI_AUTH_SECRET — the same value in the issuer and in every service.
 */
export function standaloneIdentity(env: NodeJS.ProcessEnv): DynamicModule {
  const jwksUrl = env['GONGZHI_AUTH_JWKS_URL'];
  if (jwksUrl) {
    const issuer = env['GONGZHI_AUTH_ISSUER'];
    const audience = env['GONGZHI_AUTH_AUDIENCE'];
    const problems = [
      ...(URL.canParse(jwksUrl) ? [] : [`GONGZHI_AUTH_JWKS_URL: expected a URL, got "${jwksUrl}"`]),
      ...(issuer ? [] : ['GONGZHI_AUTH_ISSUER: not set; required with GONGZHI_AUTH_JWKS_URL (the `iss` the provider puts in its tokens)']),
      ...(audience ? [] : ['GONGZHI_AUTH_AUDIENCE: not set; required with GONGZHI_AUTH_JWKS_URL (the `aud` tokens must carry for this API)']),
    ];
    if (problems.length > 0) throw new ConfigurationError(problems);
    return IdentityModule.forJwks({ jwksUrl, issuer: issuer!, audience: audience! });
  }
  const secret = requireAuthSecret(env);
  const { issuer, audience } = DEFAULT_ISSUER_SETTINGS;
  const verifier = new Hs256TokenVerifier(secret, { issuer, audience, clock: systemClock });
  return {
    module: SetIdentityModule,
    global: true,
    providers: [
      { provide: TOKEN_VERIFIER, useValue: verifier },
      { provide: CLOCK, useValue: systemClock },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: IdentityErrorFilter },
    ],
    exports: [TOKEN_VERIFIER, CLOCK],
  };
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
