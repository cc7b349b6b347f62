/** What the token endpoint answered: the RFC 6749 body and the headers a client library reads. */
export interface TokenResponse {
  readonly status: number;
  readonly body: any;
  readonly headers: Headers;
}

/**
 * Asks `POST /api/auth/token` for a client-credentials token as an OAuth library does: a form-encoded
 * body, the client's id and secret in the body or (`basic`) in HTTP Basic.
 */
export async function requestClientToken(
  baseUrl: string,
  credentials: { clientId: string; secret: string },
  options: { basic?: boolean; params?: Record<string, string> } = {},
): Promise<TokenResponse> {
  const params = new URLSearchParams({ grant_type: 'client_credentials', ...options.params });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.basic) {
    const pair = `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.secret)}`;
    headers['authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    params.set('client_id', credentials.clientId);
    params.set('client_secret', credentials.secret);
  }
  const response = await fetch(`${baseUrl}/api/auth/token`, { method: 'POST', headers, body: params });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** An access token of a client that must get one. */
export async function clientAccessToken(baseUrl: string, credentials: { clientId: string; secret: string }): Promise<string> {
  const { status, body } = await requestClientToken(baseUrl, credentials);
  if (status !== 200) throw new Error(`no token for ${credentials.clientId}: ${status} ${JSON.stringify(body)}`);
  return body.access_token as string;
}
