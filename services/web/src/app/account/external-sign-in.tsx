import { useEffect, useRef, useState } from 'react';
import { errorOf, useApi, type Principal } from '../api';
import { useI18n } from '../i18n';
import { useRouter } from '../router';
import { SESSION_HEADERS, SESSION_PATH, type SignInConfig } from '../session';
import { Notice, PageTitle } from '../ui';

// Signing in through the city's identity provider: OpenID Connect authorization code with PKCE (RFC 7636, S256).
// The browser keeps the one-time secrets of one attempt (verifier, state, nonce) in this tab's sessionStorage
// across the provider's redirect; the server trades the code (its CSP keeps the browser from calling the
// provider) and checks the ID token's signature and nonce.

const ATTEMPT_KEY = 'gongzhi.signInAttempt';

interface Attempt {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly returnTo: string;
}

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** Sends the browser to the provider's sign-in page. */
export async function startExternalSignIn(config: Extract<SignInConfig, { provider: 'external' }>, returnTo: string): Promise<void> {
  const attempt: Attempt = {
    state: randomText(),
    nonce: randomText(),
    codeVerifier: randomText(),
    redirectUri: `${window.location.origin}${config.redirectPath}`,
    returnTo,
  };
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(attempt.codeVerifier)));
  sessionStorage.setItem(ATTEMPT_KEY, JSON.stringify(attempt));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: attempt.redirectUri,
    scope: config.scope,
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** Takes (and forgets) the attempt this answer belongs to; null when the state is not ours: a forged or replayed answer. */
function takeAttempt(state: string | null): Attempt | null {
  const raw = sessionStorage.getItem(ATTEMPT_KEY);
  sessionStorage.removeItem(ATTEMPT_KEY);
  if (!raw || !state) return null;
  try {
    const attempt = JSON.parse(raw) as Attempt;
    return attempt.state === state ? attempt : null;
  } catch {
    return null;
  }
}

/** The page the provider sends the browser back to (`/sign-in/callback?code=…&state=…`). */
export function ExternalSignInCallback() {
  const { t } = useI18n();
  const api = useApi();
  const { navigate } = useRouter();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // Once: the code is good for one exchange, and React may run an effect twice.
    if (started.current) return;
    started.current = true;
    const params = new URLSearchParams(window.location.search);
    const attempt = takeAttempt(params.get('state'));
    const code = params.get('code');
    // The code leaves the address bar (and the history) before anything else happens.
    window.history.replaceState(null, '', window.location.pathname);
    if (!attempt || !code) {
      setFailed(true);
      return;
    }
    void (async () => {
      const response = await fetch(`${SESSION_PATH}/external`, {
        method: 'POST',
        headers: { ...SESSION_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ code, codeVerifier: attempt.codeVerifier, redirectUri: attempt.redirectUri, nonce: attempt.nonce }),
      });
      if (!response.ok) throw await errorOf(response);
      const session = (await response.json()) as { accessToken: string; principal: Principal };
      api.adopt(session);
      navigate(attempt.returnTo.startsWith('/') && !attempt.returnTo.startsWith('/sign-in') ? attempt.returnTo : '/');
    })().catch(() => setFailed(true));
  }, [api, navigate]);

  return (
    <section className="card narrow">
      <PageTitle>{t('signInTitle')}</PageTitle>
      {failed ? (
        <>
          <Notice kind="error">{t('signInExternalFailed')}</Notice>
          <button type="button" className="button button-primary button-wide" onClick={() => navigate('/')}>
            {t('signIn')}
          </button>
        </>
      ) : (
        <p aria-live="polite">{t('signInExternalBusy')}</p>
      )}
    </section>
  );
}
