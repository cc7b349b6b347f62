import { ForbiddenError } from '../../errors';

/** The browser's refresh token: httpOnly, so no script (and no injected script) ever reads it. */
export const SESSION_COOKIE = 'gongzhi_refresh';
/** Sent only to the session routes, never with the API's other requests. */
export const SESSION_COOKIE_PATH = '/api/auth/session';
/**
 * The header the app sends on every session request. A cross-site page cannot add it without a CORS
 * preflight this API never grants, so a forged form post or image request fails here.
 */
export const SESSION_HEADER = 'x-gongzhi-session';

export type CookieRequest = {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly protocol?: string;
};
export type CookieResponse = { setHeader(name: string, value: string | string[]): unknown };

export function sessionCookieOf(request: CookieRequest): string | undefined {
  const header = request.headers.cookie;
  for (const part of (Array.isArray(header) ? header.join(';') : (header ?? '')).split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('=')) || undefined;
  }
  return undefined;
}

export function setSessionCookie(request: CookieRequest, response: CookieResponse, refreshToken: string, maxAgeSeconds: number): void {
  response.setHeader('Set-Cookie', cookie(request, encodeURIComponent(refreshToken), maxAgeSeconds));
}

export function clearSessionCookie(request: CookieRequest, response: CookieResponse): void {
  response.setHeader('Set-Cookie', cookie(request, '', 0));
}

function cookie(request: CookieRequest, value: string, maxAgeSeconds: number): string {
  // Secure only over https: the embedded default also runs on plain http://localhost, where a Secure cookie is never sent back.
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=${SESSION_COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Refuses a session request that another site could have made: without the app's header, from a
 * browser that says the request is not same-origin, or with an Origin other than this host's.
 * SameSite=Strict already keeps the cookie off cross-site requests; this holds where a browser does not.
 */
export function assertSameOrigin(request: CookieRequest): void {
  const headers = request.headers;
  if (single(headers[SESSION_HEADER]) !== 'browser') {
    throw new ForbiddenError(`a session request needs the header "${SESSION_HEADER}: browser" (sent by the app itself)`);
  }
  const fetchSite = single(headers['sec-fetch-site']);
  if (fetchSite !== undefined && fetchSite !== 'same-origin')
    throw new ForbiddenError(`a session request from another site (${fetchSite})`);
  const origin = single(headers.origin);
  if (origin === undefined) return;
  const host = URL.canParse(origin) ? new URL(origin).host : origin;
  // Behind a proxy (Vite's dev server, a load balancer) the browser's host arrives as X-Forwarded-Host.
  const own = [single(headers.host), single(headers['x-forwarded-host'])].filter((value): value is string => !!value);
  if (!own.includes(host)) throw new ForbiddenError(`a session request from another origin (${origin})`);
}
