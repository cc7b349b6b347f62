import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ExternalSignInOptions } from './browser-sign-in/sign-in-config';
import { MIN_HS256_SECRET_BYTES } from './hs256-key';

export type IdentityConfig =
  | { readonly mode: 'embedded'; readonly secret: string }
  | {
      readonly mode: 'jwks';
      readonly jwksUrl: string;
      readonly issuer: string;
      readonly audience: string;
      /** Set by GONGZHI_AUTH_OIDC_CLIENT_ID: the web app signs people in through the provider. */
      readonly browserSignIn?: ExternalSignInOptions;
    };

/**
 * Reads the identity configuration at start-up and fails with a message naming the variable:
 *
 * - GONGZHI_AUTH_JWKS_URL set: external provider; GONGZHI_AUTH_ISSUER and GONGZHI_AUTH_AUDIENCE required.
 * - otherwise the built-in issuer, signing with GONGZHI_AUTH_SECRET (≥ 32 bytes) or, when that is
 *   unset, a secret generated once into `secretFile`, so tokens survive a restart.
 * - GONGZHI_AUTH_OIDC_CLIENT_ID (with a JWKS URL): the web app's client at the provider, for signing in
 *   there (authorization code with PKCE); GONGZHI_AUTH_OIDC_SCOPE and GONGZHI_AUTH_OIDC_CLIENT_SECRET optional.
 */
export function identityConfigFromEnv(env: NodeJS.ProcessEnv, { secretFile }: { secretFile: string }): IdentityConfig {
  const jwksUrl = env.GONGZHI_AUTH_JWKS_URL;
  if (jwksUrl) {
    if (!URL.canParse(jwksUrl)) throw new Error(`GONGZHI_AUTH_JWKS_URL is not a URL: ${jwksUrl}`);
    const issuer = env.GONGZHI_AUTH_ISSUER;
    const audience = env.GONGZHI_AUTH_AUDIENCE;
    if (!issuer) throw new Error('GONGZHI_AUTH_ISSUER is required with GONGZHI_AUTH_JWKS_URL (the `iss` the provider puts in its tokens)');
    if (!audience)
      throw new Error('GONGZHI_AUTH_AUDIENCE is required with GONGZHI_AUTH_JWKS_URL (the `aud` tokens must carry for this API)');
    const clientId = env.GONGZHI_AUTH_OIDC_CLIENT_ID;
    const browserSignIn: ExternalSignInOptions | undefined = clientId
      ? {
          clientId,
          ...(env.GONGZHI_AUTH_OIDC_CLIENT_SECRET ? { clientSecret: env.GONGZHI_AUTH_OIDC_CLIENT_SECRET } : {}),
          ...(env.GONGZHI_AUTH_OIDC_SCOPE ? { scope: env.GONGZHI_AUTH_OIDC_SCOPE } : {}),
        }
      : undefined;
    return { mode: 'jwks', jwksUrl, issuer, audience, ...(browserSignIn ? { browserSignIn } : {}) };
  }
  const secret = env.GONGZHI_AUTH_SECRET;
  if (secret !== undefined) {
    if (Buffer.byteLength(secret) < MIN_HS256_SECRET_BYTES) {
      throw new Error(`GONGZHI_AUTH_SECRET must be at least ${MIN_HS256_SECRET_BYTES} bytes long`);
    }
    return { mode: 'embedded', secret };
  }
  return { mode: 'embedded', secret: loadOrCreateSecret(secretFile) };
}

function loadOrCreateSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first; theirs is the secret.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
