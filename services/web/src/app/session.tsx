import type { Principal } from './api';
import type { AnswerOf } from './api-client';

// The web app's session with the server (libs/identity, browser-session): the refresh token is an httpOnly
// cookie the app never sees, sent only to these routes; the access token lives in the tab's memory.

export const SESSION_PATH = '/api/auth/session';
/** Marks a request as the app's own: the server refuses session requests without it (a cross-site forgery cannot add it). */
export const SESSION_HEADERS = { 'x-gongzhi-session': 'browser' } as const;

/** How people sign in here, as the server says (GET /api/auth/config): the built-in accounts or an external provider. */
export type SignInConfig = AnswerOf<'/api/auth/config'>;

const PERSON_KEY = 'gongzhi.signedInPerson';

/**
 * Who this tab was signed in as (no token: nothing that opens the API), so a reload without network still
 * shows the person their queue; the first request once online restores the session from the cookie.
 */
export const rememberedPerson = {
  read(): Principal | null {
    try {
      const raw = sessionStorage.getItem(PERSON_KEY);
      return raw ? (JSON.parse(raw) as Principal) : null;
    } catch {
      return null;
    }
  },
  write(principal: Principal | null): void {
    if (principal) sessionStorage.setItem(PERSON_KEY, JSON.stringify(principal));
    else sessionStorage.removeItem(PERSON_KEY);
  },
};

/** The session this browser's cookie still holds (a new tab, a reload, an expired access token), or null. */
export async function restoreSession(): Promise<{ accessToken: string; principal: Principal } | null> {
  let response: Response;
  try {
    response = await fetch(`${SESSION_PATH}/refresh`, { method: 'POST', headers: SESSION_HEADERS });
  } catch {
    // Offline: the person this tab remembers stays signed in, with no token until the network is back.
    const person = rememberedPerson.read();
    return person ? { accessToken: '', principal: person } : null;
  }
  if (!response.ok) return null;
  const body = (await response.json()) as { accessToken: string; principal: Principal };
  return { accessToken: body.accessToken, principal: body.principal };
}

/** Without an answer the sign-in page offers the built-in form and no demo accounts. */
export async function loadSignInConfig(): Promise<SignInConfig> {
  try {
    const response = await fetch('/api/auth/config');
    if (response.ok) return (await response.json()) as SignInConfig;
  } catch {
    /* offline */
  }
  return { provider: 'built-in', demo: false };
}

/** Tells the other tabs of this browser that the session ended. */
export function openSessionChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('gongzhi-session');
}

/**
 * Where signing out sends the browser when the provider keeps a sign-in of its own (RP-initiated logout): ending
 * only our cookie would leave the person signed in at the provider, and the next press of "sign in" would let
 * anyone at this device straight back in. The provider sends the browser back to the app's start.
 */
export function providerSignOutAddress(config: SignInConfig | null, origin: string): string | null {
  if (config?.provider !== 'external' || !config.endSessionEndpoint || !URL.canParse(config.endSessionEndpoint)) return null;
  const address = new URL(config.endSessionEndpoint);
  address.searchParams.set('client_id', config.clientId);
  address.searchParams.set('post_logout_redirect_uri', `${origin}/`);
  return address.toString();
}
