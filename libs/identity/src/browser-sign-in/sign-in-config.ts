/** How people sign in to the web app, as `GET /api/auth/config` tells it. */
export type SignInConfig =
  | { readonly provider: 'built-in'; readonly demo: boolean }
  | {
      readonly provider: 'external';
      readonly demo: false;
      /** Where the browser is sent to sign in (OIDC authorization code with PKCE). */
      readonly authorizationEndpoint: string;
      readonly clientId: string;
      readonly scope: string;
      /** The app's path the provider sends the browser back to; registered with the provider as origin + path. */
      readonly redirectPath: string;
      /** Where signing out also ends the person's sign-in at the provider (RP-initiated logout), when its discovery names one. */
      readonly endSessionEndpoint?: string;
    };

export const SIGN_IN_CONFIG = Symbol('SIGN_IN_CONFIG');

/** The app's page that takes the provider's answer. */
export const OIDC_REDIRECT_PATH = '/sign-in/callback';

/** The external provider as the browser flow needs it: a public client of the provider (PKCE instead of a secret). */
export interface ExternalSignInOptions {
  readonly clientId: string;
  /** Only for a provider that insists on a confidential client for the code exchange. */
  readonly clientSecret?: string;
  /** Space-separated; `openid` is always asked for. */
  readonly scope?: string;
}
