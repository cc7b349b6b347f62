import { OAuthTokenError } from '../../clients/client-errors';

export interface ClientCredentialsRequest {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The scopes asked for (RFC 6749 §3.3); absent: all the client's. */
  readonly scope?: readonly string[];
  /** Whether the client authenticated with HTTP Basic, whose failure is answered with a challenge. */
  readonly viaBasic: boolean;
}

type Headers = Record<string, string | string[] | undefined>;

/**
 * Reads a token request as RFC 6749 has it: `grant_type=client_credentials` in the form body (§4.4.2),
 * the client's credentials either in HTTP Basic or as `client_id`/`client_secret` in the body, never
 * both (§2.3.1), each parameter at most once (§3.2).
 */
export function readTokenRequest(headers: Headers, body: unknown): ClientCredentialsRequest {
  const params = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const single = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new OAuthTokenError('invalid_request', `${name} must be given once, as text`);
    return value;
  };
  const grantType = single('grant_type');
  if (grantType === undefined)
    throw new OAuthTokenError('invalid_request', 'grant_type is required (form-encoded body: grant_type=client_credentials)');
  if (grantType !== 'client_credentials') {
    throw new OAuthTokenError(
      'unsupported_grant_type',
      `grant_type ${grantType} is not offered here; use client_credentials (people sign in at /api/auth/login)`,
    );
  }
  const scopeText = single('scope');
  const scope = scopeText === undefined ? undefined : scopeText.split(' ').filter(Boolean);
  const basic = basicCredentials(headers['authorization']);
  const bodyId = single('client_id');
  const bodySecret = single('client_secret');
  if (basic) {
    if (bodySecret !== undefined)
      throw new OAuthTokenError('invalid_request', 'send the client credentials either in HTTP Basic or in the body, not both');
    if (bodyId !== undefined && bodyId !== basic.clientId)
      throw new OAuthTokenError('invalid_request', 'client_id in the body differs from the one in HTTP Basic');
    return { ...basic, ...(scope ? { scope } : {}), viaBasic: true };
  }
  if (bodyId === undefined || bodySecret === undefined) {
    throw new OAuthTokenError(
      'invalid_client',
      'client authentication is required: HTTP Basic, or client_id and client_secret in the body',
    );
  }
  return { clientId: bodyId, clientSecret: bodySecret, ...(scope ? { scope } : {}), viaBasic: false };
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
function basicCredentials(header: string | string[] | undefined): { clientId: string; clientSecret: string } | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) {
    if (/^Basic\b/i.test(header)) throw new OAuthTokenError('invalid_client', 'the HTTP Basic credentials are not valid base64');
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthTokenError('invalid_client', 'the HTTP Basic credentials need the form client_id:client_secret');
  try {
    const clientId = decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' '));
    const clientSecret = decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' '));
    return { clientId, clientSecret };
  } catch {
    throw new OAuthTokenError('invalid_client', 'the HTTP Basic credentials are not form-urlencoded');
  }
}
